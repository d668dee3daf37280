/* SPDX-License-Identifier: Apache-2.0 — nova-agent */
package org.novaagent.tests.arch;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import com.tngtech.archunit.library.dependencies.SliceRule;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.novaagent.api.CommandHandler;
import org.novaagent.api.ProcessRunner;

/** The house-style rules (design/house-style.md §8) checked against every production class. */
class ArchitectureTests {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_PACKAGE_INFOS)
                .importPackages("org.novaagent");
    }

    @Test
    void importsEnoughClassesForTheRulesToMeanSomething() {
        long count = classes.stream().filter(c -> c.getPackageName().startsWith("org.novaagent")).count();
        assertTrue(count > 120, "only " + count + " classes imported: the rules below would pass vacuously");
    }

    @Test
    void apiDependsOnlyOnJavaBase() {
        classes().that().resideInAPackage("org.novaagent.api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.novaagent.api..")
                .check(classes);
    }

    @Test
    void pluginsDoNotDependOnTheRuntime() {
        noClasses().that().resideInAPackage("org.novaagent.plugin..")
                .should().dependOnClassesThat().resideInAnyPackage("org.novaagent.runtime..", "org.novaagent.host..",
                        "org.novaagent.xenstore..")
                .check(classes);
    }

    /**
     * The daemon that ships on every server is compiled against no plugin, no network library and
     * not the demo: commands come through {@code CommandHandler}, extra subcommands through
     * {@code CliCommand}, both found with ServiceLoader.
     */
    @Test
    void theRuntimeKnowsNoPluginNetworkOrDemo() {
        noClasses().that().resideInAPackage("org.novaagent.runtime..")
                .should().dependOnClassesThat().resideInAnyPackage("org.novaagent.plugin..", "org.novaagent.network..",
                        "org.novaagent.host..", "org.novaagent.xenstore.sim..")
                .check(classes);
    }

    @Test
    void pluginsDoNotDependOnEachOther() {
        slices().matching("org.novaagent.plugin.(*)..").should().notDependOnEachOther().check(classes);
        slices().matching("org.novaagent.plugin.network.(*)..").should().notDependOnEachOther().check(classes);
    }

    /**
     * No package cycles, with one deliberate exception: an implementation package {@code P.internal..}
     * may use the exported API package {@code P} it implements (the facade constructs its internals,
     * the internals implement the facade's interfaces and return its records). Every other cycle,
     * including one through a third package, fails.
     */
    @Test
    void noPackageCycles() {
        SliceRule rule = slices().matching("org.novaagent.(**)").should().beFreeOfCycles();
        for (String api : List.of("org.novaagent.network", "org.novaagent.xenstore", "org.novaagent.xenstore.sim")) {
            rule = rule.ignoreDependency(resideInAPackage(api + ".internal.."), resideInAPackage(api));
        }
        rule.check(classes);
    }

    @Test
    void jnrOnlyInNativePackages() {
        noClasses().that().resideOutsideOfPackages("..nativeapi..", "org.novaagent.runtime.notify..",
                        "org.novaagent.xenstore..")
                .should().dependOnClassesThat().resideInAPackage("jnr..")
                .check(classes);
    }

    @Test
    void jacksonNeverInTheApi() {
        noClasses().that().resideInAPackage("org.novaagent.api..")
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
                .check(classes);
    }

    /**
     * One JSON parser: Jackson, in the few places that turn wire or data text into values (the
     * runtime's codec and CLI output, network-common's vm-data reader, the host simulator). Plugins
     * get request values already parsed ({@code CommandRequest.json()}) and never touch Jackson;
     * a class named like a JSON reader or writer must be built on Jackson (the API's
     * {@code JsonValue} only reads the parsed values). {@code NoHandWrittenJsonTests} catches
     * tokenizers that hide behind another name.
     */
    @Test
    void jsonIsJacksonsJob() {
        noClasses().that().resideInAPackage("org.novaagent.plugin..").or().resideInAPackage("org.novaagent.api..")
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
                .check(classes);
        classes().that().haveSimpleNameContaining("Json").and().resideInAPackage("org.novaagent..")
                .and().resideOutsideOfPackage("org.novaagent.api")
                .and().areNotNestedClasses()
                .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
                .check(classes);
    }

    @Test
    void commandHandlersFollowTheServiceLoaderRules() {
        classes().that().implement(CommandHandler.class).and().resideInAPackage("org.novaagent.plugin..")
                .should().haveModifier(JavaModifier.FINAL)
                .andShould().resideInAPackage("..internal..")
                .andShould().haveSimpleNameEndingWith("CommandHandler")
                .andShould(havePublicNoArgConstructor())
                .check(classes);
    }

    /**
     * Issue #19: plugins and the network library change files under the target root only through
     * {@code org.novaagent.api.support.SafeFiles} (no link followed, nothing done by a name another
     * user can swap), or on a Windows target through {@code WindowsFiles} beside it (issue #12:
     * links and reparse points refused, atomic replace). A path-based write, move, copy, delete,
     * chmod or chown is a regression.
     */
    @Test
    void onlyTheSafeWriterChangesFiles() {
        // the runtime's request loop too: its request journal (issue #17) is written through SafeFiles, and
        // the state directory behind it (POSIX SafeFiles, Windows WindowsFiles with the private ACL), and the
        // request history written into it
        noClasses().that().resideInAnyPackage("org.novaagent.plugin..", "org.novaagent.network..",
                        "org.novaagent.runtime.loop..", "org.novaagent.runtime.state..", "org.novaagent.runtime.history..")
                // test-jars on the class path (network testkits) are not production code
                .and().resideOutsideOfPackage("..testkit..").and().haveSimpleNameNotEndingWith("Tests")
                .should().callMethodWhere(JavaCall.Predicates.target(AccessTarget.Predicates.declaredIn(Files.class))
                        .and(JavaCall.Predicates.target(HasName.Predicates.nameMatching(
                                "write.*|move|copy|delete.*|create.*|set.*|newOutputStream|newBufferedWriter"))))
                .because("files under the target root (plugins' files and the request journal) are changed only through"
                        + " SafeFiles, or WindowsFiles on a Windows target (agent-api README)")
                .check(classes);
    }

    @Test
    void renderersArePure() {
        noClasses().that().haveSimpleNameEndingWith("Renderer").and().resideInAPackage("org.novaagent..")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.nio.file.Files")
                .orShould().dependOnClassesThat().haveNameMatching("java\\.io\\.File.*")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.ProcessBuilder")
                .check(classes);
    }

    @Test
    void onlyTheCliPrints() {
        noClasses().that().resideOutsideOfPackage("org.novaagent.runtime.cli..")
                .and().resideOutsideOfPackage("org.novaagent.host.cli..")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .check(classes);
    }

    @Test
    void generalCodingRules() {
        GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(classes);
        GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS.check(classes);
        GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION.check(classes);
    }

    @Test
    void handlersKeepNoStaticMutableState() {
        classes().that().implement(CommandHandler.class)
                .should(haveNoStaticMutableFields())
                .check(classes);
    }

    /**
     * A dry run on the live system executes what a handler marks read-only ({@code ProcessRunner.runReadOnly})
     * and nothing else, so the mark is kept to small query classes that only read: outside the runtime only
     * classes named {@code *Query} call it, and those classes never call {@code run}.
     */
    @Test
    void onlyQueryClassesRunReadOnlyAndQueriesRunNothingElse() {
        noClasses().that().resideOutsideOfPackage("org.novaagent.runtime.process..")
                .and().haveSimpleNameNotEndingWith("Query")
                .should().callMethodWhere(JavaCall.Predicates.target(AccessTarget.Predicates.declaredIn(ProcessRunner.class))
                        .and(JavaCall.Predicates.target(HasName.Predicates.name("runReadOnly"))))
                .check(classes);
        noClasses().that().haveSimpleNameEndingWith("Query")
                .should().callMethodWhere(JavaCall.Predicates.target(AccessTarget.Predicates.declaredIn(ProcessRunner.class))
                        .and(JavaCall.Predicates.target(HasName.Predicates.name("run"))))
                .check(classes);
        assertTrue(classes.stream().anyMatch(c -> c.getSimpleName().endsWith("Query") && c.getMethodCallsFromSelf().stream()
                .anyMatch(call -> call.getName().equals("runReadOnly"))), "the rule must have a caller to check");
    }

    private static ArchCondition<JavaClass> havePublicNoArgConstructor() {
        return new ArchCondition<>("have a public no-arg constructor or a public static provider()") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                boolean ctor = item.getConstructors().stream()
                        .anyMatch(c -> c.getRawParameterTypes().isEmpty() && c.getModifiers().contains(JavaModifier.PUBLIC));
                boolean provider = item.getMethods().stream().anyMatch(m -> m.getName().equals("provider")
                        && m.getModifiers().contains(JavaModifier.STATIC) && m.getModifiers().contains(JavaModifier.PUBLIC));
                if (!ctor && !provider) {
                    events.add(SimpleConditionEvent.violated(item, item.getName() + " has neither"));
                }
            }
        };
    }

    private static ArchCondition<JavaClass> haveNoStaticMutableFields() {
        return new ArchCondition<>("have no static non-final fields") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                item.getFields().stream()
                        .filter(f -> f.getModifiers().contains(JavaModifier.STATIC) && !f.getModifiers().contains(JavaModifier.FINAL))
                        .forEach(f -> events.add(SimpleConditionEvent.violated(item, f.getFullName() + " is static and mutable")));
            }
        };
    }

}
