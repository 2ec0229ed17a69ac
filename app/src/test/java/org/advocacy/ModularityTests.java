package org.advocacy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Keeps the module boundaries honest, for every module Spring Modulith finds (none is
 * listed by hand, so a new feature is checked from the day it appears). Modulith fails on
 * a dependency cycle or on a reach into another module's internal packages; the ArchUnit
 * rules keep the three web and batch modules apart and keep the core independent of all
 * of them. The generated module documentation (component diagrams and module canvases) is
 * written to docs/modules.
 */
class ModularityTests {

    /** The modules that run the core: the public site, the console and the batch jobs. */
    private static final Set<String> OUTER = Set.of("org.advocacy.site", "org.advocacy.admin", "org.advocacy.batch");

    /**
     * The modules of the application's own code; the core's shared test fixtures are on
     * the class path too.
     */
    private static final ApplicationModules MODULES = ApplicationModules.of(AdvocacyApplication.class,
            JavaClass.Predicates.resideInAPackage("org.advocacy.testsupport.."));

    private static final JavaClasses CLASSES = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.advocacy");

    static List<String> modules() {
        return MODULES.stream().map(module -> module.getBasePackage().getName()).sorted().toList();
    }

    static String[] coreModules() {
        return modules().stream().filter(module -> !OUTER.contains(module)).toArray(String[]::new);
    }

    @Test
    void everyModuleIsFoundAndVerified() {
        assertThat(modules()).as("modules Spring Modulith finds")
            .containsAll(OUTER)
            .contains("org.advocacy.bills", "org.advocacy.campaigns", "org.advocacy.legislators",
                    "org.advocacy.reminders", "org.advocacy.staff", "org.advocacy.stories", "org.advocacy.supporters");
        MODULES.verify();
    }

    @Test
    void thePublicSiteDependsOnNeitherTheConsoleNorTheJobs() {
        noClasses().that()
            .resideInAPackage("org.advocacy.site..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.advocacy.admin..", "org.advocacy.batch..")
            .check(CLASSES);
    }

    @Test
    void theConsoleDependsOnNeitherThePublicSiteNorTheJobs() {
        noClasses().that()
            .resideInAPackage("org.advocacy.admin..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.advocacy.site..", "org.advocacy.batch..")
            .check(CLASSES);
    }

    @Test
    void theJobsDependOnNeitherWebModule() {
        noClasses().that()
            .resideInAPackage("org.advocacy.batch..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.advocacy.site..", "org.advocacy.admin..")
            .check(CLASSES);
    }

    @Test
    void theCoreDependsOnNoOuterModule() {
        String[] core = Stream.of(coreModules()).map(module -> module + "..").toArray(String[]::new);
        assertThat(core).as("core modules").hasSizeGreaterThanOrEqualTo(10);
        noClasses().that()
            .resideInAnyPackage(core)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(OUTER.stream().map(module -> module + "..").toArray(String[]::new))
            .check(CLASSES);
    }

    @Test
    void noModuleReachesIntoAnotherModulesInternalPackage() {
        for (String module : modules()) {
            noClasses().that()
                .resideOutsideOfPackage(module + "..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(module + "..internal..")
                .check(CLASSES);
        }
    }

    /**
     * Reminder audiences are selected in SQL for speed, so a Java-level rule cannot see
     * them read another feature's table: this reads the reminders sources for a select
     * from any table the reminders feature does not own. Other features publish views for
     * it (migrations V160 and V170).
     */
    @Test
    void remindersReadOtherFeaturesDataOnlyThroughTheirPublishedViews() throws IOException {
        Path root = repositoryRoot();
        Set<String> foreignTables = new TreeSet<>();
        Pattern createTable = Pattern.compile("(?i)create table (?:if not exists )?([a-z_]+)");
        try (Stream<Path> migrations = Files.list(root.resolve("core/src/main/resources/db/migration"))) {
            for (Path migration : migrations.toList()) {
                Matcher table = createTable.matcher(Files.readString(migration));
                while (table.find()) {
                    foreignTables.add(table.group(1).toLowerCase());
                }
            }
        }
        foreignTables.removeIf(table -> table.startsWith("reminder") || table.equals("automatic_reminder"));
        assertThat(foreignTables).contains("supporter", "supporter_action", "legislator", "bill_cosponsor");
        Pattern read = Pattern.compile("\\b(?:from|join)\\s+(" + String.join("|", foreignTables) + ")\\b");
        List<String> reads = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(root.resolve("core/src/main/java/org/advocacy/reminders"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher matcher = read.matcher(Files.readString(source));
                while (matcher.find()) {
                    reads.add(source.getFileName() + ": " + matcher.group());
                }
            }
        }
        assertThat(reads).as("reminder SQL reading another feature's table").isEmpty();
    }

    @Test
    void writesTheModuleDocumentation() throws IOException {
        Path folder = repositoryRoot().resolve("docs/modules");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString())).writeDocumentation();
        try (Stream<Path> diagrams = Files.list(folder)) {
            for (Path diagram : diagrams.toList()) {
                Files.write(diagram, inStableOrder(Files.readAllLines(diagram)));
            }
        }
        for (ApplicationModule module : MODULES) {
            assertThat(folder.resolve("module-" + module.getIdentifier() + ".puml")).as(module.getDisplayName())
                .isNotEmptyFile();
        }
        assertThat(folder.resolve("components.puml")).isNotEmptyFile();
    }

    /**
     * The diagrams and canvases list components, relations and events in hash order,
     * which changes from run to run; sorting each run of such lines keeps the committed
     * files unchanged until the modules change.
     */
    static List<String> inStableOrder(List<String> lines) {
        List<String> sorted = new ArrayList<>();
        List<String> run = new ArrayList<>();
        for (String line : lines) {
            String kind = kind(line);
            if (!run.isEmpty() && (kind.isEmpty() || !kind.equals(kind(run.getFirst())) || line.startsWith("|* "))) {
                sorted.addAll(sortedRun(run));
                run.clear();
            }
            if (kind.isEmpty()) {
                sorted.add(line);
            }
            else {
                run.add(line);
            }
        }
        sorted.addAll(sortedRun(run));
        return sorted;
    }

    /**
     * Which kind of listed line this is (a diagram component or relation, a canvas list
     * item), or "" for others.
     */
    private static String kind(String line) {
        if (line.strip().startsWith("Component(")) {
            return "component";
        }
        if (line.startsWith("Rel(")) {
            return "relation";
        }
        return line.startsWith("* ") || line.startsWith("|* ") ? "item" : "";
    }

    /**
     * A canvas list's first item carries the table's cell marker, which stays on
     * whichever item comes first.
     */
    private static List<String> sortedRun(List<String> run) {
        if (run.isEmpty() || !run.getFirst().startsWith("|* ")) {
            return run.stream().sorted().toList();
        }
        List<String> items = run.stream()
            .map(item -> item.startsWith("|") ? item.substring(1) : item)
            .sorted()
            .collect(Collectors.toCollection(ArrayList::new));
        items.set(0, "|" + items.getFirst());
        return items;
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        return dir;
    }

}
