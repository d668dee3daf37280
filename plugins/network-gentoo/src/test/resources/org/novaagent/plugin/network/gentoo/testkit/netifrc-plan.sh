#!/bin/sh
# What netifrc's net.lo would do for each interface named after the file, once OpenRC has sourced
# that conf.d/net: prints "addr ARGS" (iproute2's _add_address), "null", "module NAME" (dhcp ...),
# "route FAMILY -net|-host SPEC" (what _add_route gets) and "dns SERVER" (net/system.sh's
# _system_dns). A transcription of netifrc 0.7's _array_helper, _load_config, the config loop and
# the route loop of init.d/net.lo.in (BSD-2-Clause, Roy Marples and the Gentoo authors), with
# the commands printed instead of run. Used by the plugin's parser tests: sh conf.d/net IFACE...
conf=$1
shift
# shellcheck disable=SC1090
. "$conf"
__IFS='
'

_array_helper() {
	_a=''
	eval _a=\$"$1"
	_a=$(echo "${_a}" | sed -e 's:^[[:space:]]*::' -e 's:[[:space:]]*$::' -e '/^$/d' -e 's:[[:space:]]\{1,\}: :g')
	[ -n "${_a}" ] && printf "%s\n" "${_a}"
}

shell_var() {
	printf '%s' "$1" | sed 's/[^A-Za-z0-9_]/_/g'
}

plan() {
	IFACE=$1
	IFVAR=$(shell_var "$IFACE")
	config=$(_array_helper "config_${IFVAR}")
	IFS="$__IFS"
	# shellcheck disable=SC2086
	set -- ${config}
	if [ $# = 1 ]; then
		unset IFS
		# shellcheck disable=SC2086
		set -- ${config}
		if [ "${2#*.*}" = "${2}" ] && [ "${2#*:*}" = "${2}" ]; then
			IFS="$__IFS"
			# shellcheck disable=SC2086
			set -- ${config}
		fi
	fi
	[ -z "${1-}" ] && set -- dhcp
	unset IFS
	for cmd; do
		# shellcheck disable=SC2086
		set -- ${cmd}
		case "$1" in
			null) echo null ;;
			noop) echo noop ;;
			[0-9]*|*:*) echo "addr ${cmd}" ;;
			*) echo "module ${cmd}" ;;
		esac
	done
	routes=$(_array_helper "routes_${IFVAR}")
	IFS="$__IFS"
	for cmd in ${routes}; do
		unset IFS
		fam=
		case ${cmd} in
			-6" "*) fam="-6"; cmd=${cmd#-6 } ;;
			-4" "*) fam="-4"; cmd=${cmd#-4 } ;;
		esac
		case ${cmd} in
			-net\ *|-host\ *) ;;
			*\ netmask\ *) cmd="-net ${cmd}" ;;
			*.*.*.*/32*) cmd="-host ${cmd}" ;;
			*.*.*.*/*|0.0.0.0|0.0.0.0\ *) cmd="-net ${cmd}" ;;
			default|default\ *) cmd="-net ${cmd}" ;;
			*:*/128*) cmd="-host ${cmd}" ;;
			*:*/*) cmd="-net ${cmd}" ;;
			*) cmd="-host ${cmd}" ;;
		esac
		echo "route ${fam:-any} ${cmd}"
		IFS="$__IFS"
	done
	unset IFS
	eval "servers=\${dns_servers_${IFVAR}-}"
	[ -z "${servers}" ] && servers=${dns_servers-}
	for x in ${servers}; do
		echo "dns ${x}"
	done
}

for iface; do
	echo "[${iface}]"
	plan "${iface}"
done
