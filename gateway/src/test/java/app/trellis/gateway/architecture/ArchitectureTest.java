package app.trellis.gateway.architecture;

import app.trellis.platform.testing.ArchitectureRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "app.trellis.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests layers = ArchTests.in(ArchitectureRules.class);

    @ArchTest
    static final ArchRule isolated = ArchitectureRules.onlyItsOwnCodeAndThePlatform("app.trellis.gateway");
}
