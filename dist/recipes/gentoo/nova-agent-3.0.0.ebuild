# Copyright 2026 nova-agent maintainers
# Distributed under the terms of the Apache License 2.0
# shellcheck shell=bash disable=SC2034,SC2153,SC2154

EAPI=8

inherit systemd

DESCRIPTION="XenStore guest agent for OpenStack/XenServer (password, network, file injection)"
HOMEPAGE="https://github.com/novaagent/nova-agent"
SRC_URI="https://github.com/novaagent/nova-agent/releases/download/v${PV}/${P}-portable.tar.gz"

LICENSE="Apache-2.0"
SLOT="0"
KEYWORDS="~amd64 ~arm64"
RESTRICT="test"

RDEPEND=">=virtual/jre-17:*"

src_install() {
	./install.sh --root "${D}" --prefix /usr --init openrc --no-enable || die "install.sh failed"
	systemd_dounit init/nova-agent.service
}

pkg_postinst() {
	# the class archive for the installed Java (a faster start; the agent runs without it too)
	if [[ -z ${ROOT} ]]; then
		"${EROOT}"/usr/sbin/nova-agent --refresh-class-archive >/dev/null 2>&1 || ewarn "nova-agent --refresh-class-archive failed: the agent starts without the class archive"
	fi
	elog "resetnetwork: OpenRC profiles use netifrc (/etc/conf.d/net, net.<if> services, network-gentoo);"
	elog "systemd profiles use systemd-networkd (network-networkd). 'nova-agent plugins list' shows the choice."
	elog "Enable the agent with: rc-update add nova-agent default (OpenRC)"
	elog "or: systemctl enable --now nova-agent (systemd profiles)"
}
