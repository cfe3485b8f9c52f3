package app.trellis.platform.testing;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules every service keeps (see shared/STYLE.md). A service's ArchitectureTest includes
 * these with {@code ArchTests.in(ArchitectureRules.class)} and adds {@link #onlyItsOwnCodeAndThePlatform}.
 */
public final class ArchitectureRules {

    @ArchTest
    public static final ArchRule resourcesDoNotReachIntoRepositories = noClasses()
            .that().resideInAPackage("..api..")
            .should().dependOnClassesThat().resideInAPackage("..repository..")
            .because("resources call a service; transactions and queries live there");

    @ArchTest
    public static final ArchRule theDomainKnowsNoOuterLayer = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..api..", "..service..", "..repository..", "..event..",
                    "jakarta.ws.rs..", "io.quarkus..")
            .because("rules live next to their data, free of transport and infrastructure");

    @ArchTest
    public static final ArchRule entitiesNeverLeaveThroughRest = noMethods()
            .that().areDeclaredInClassesThat().resideInAPackage("..api..").and().arePublic()
            .should().haveRawReturnType(resideInAPackage("..domain.."))
            .because("entities are mapped to response records");

    private ArchitectureRules() {
    }

    /** No service imports another service's code; shared code comes only from the platform module. */
    public static ArchRule onlyItsOwnCodeAndThePlatform(String servicePackage) {
        return classes().that().resideInAPackage(servicePackage + "..")
                .should().onlyDependOnClassesThat(not(resideInAPackage("app.trellis..")
                        .and(not(resideInAnyPackage(servicePackage + "..", "app.trellis.platform..")))))
                .because("services share events and the platform, never domain code");
    }

}
