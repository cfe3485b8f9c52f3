package app.trellis.platform.testing;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The package rules every service keeps (see shared/STYLE.md). A service's ArchitectureTest includes
 * these with {@code ArchTests.in(ArchitectureRules.class)} and adds {@link #onlyItsOwnCodeAndThePlatform}.
 * A service has only the layers it needs (the gateway has no domain or repository), so a rule about a layer
 * a service lacks holds trivially instead of failing as an empty rule.
 */
public final class ArchitectureRules {

    /**
     * The one package set: {@code app.trellis.<service>.<layer>} with layer {@code api} (resources, filters,
     * request and response records), {@code config} (typed configuration), {@code domain} (entities and
     * rules), {@code service} (use cases, transactions; the gateway's forwarding), {@code repository},
     * {@code event} (outbox and consumers). Nothing else, nothing at a service's top level.
     */
    public static final List<String> LAYERS = List.of("api", "config", "domain", "event", "repository", "service");

    @ArchTest
    public static final ArchRule everyServiceHasTheSamePackages = classes()
            .that().resideInAPackage("app.trellis..").and().resideOutsideOfPackage("app.trellis.platform..")
            .should().resideInAnyPackage(LAYERS.stream().map(layer -> "app.trellis.*." + layer + "..")
                    .toArray(String[]::new))
            .because("a newcomer who knows one service knows them all: " + LAYERS);

    @ArchTest
    public static final ArchRule resourcesDoNotReachIntoRepositories = noClasses()
            .that().resideInAPackage("..api..")
            .should().dependOnClassesThat().resideInAPackage("..repository..")
            .because("resources call a service; transactions and queries live there")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule theDomainKnowsNoOuterLayer = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..api..", "..service..", "..repository..", "..event..",
                    "jakarta.ws.rs..", "io.quarkus..")
            .because("rules live next to their data, free of transport and infrastructure")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule entitiesNeverLeaveThroughRest = noMethods()
            .that().areDeclaredInClassesThat().resideInAPackage("..api..").and().arePublic()
            .should().haveRawReturnType(resideInAPackage("..domain.."))
            .because("entities are mapped to response records")
            .allowEmptyShould(true);

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
