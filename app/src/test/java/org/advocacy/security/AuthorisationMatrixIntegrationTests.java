package org.advocacy.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.http.HttpResponse;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.advocacy.staff.Role;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;

/**
 * Who may do what, discovered rather than listed: every console route found on the class
 * path and every public method of every org.advocacy bean that carries @PreAuthorize,
 * against ADMIN, ORGANIZER, VIEWER and anonymous callers. The expectations come from the
 * issue-5 role rules (below), so a new view or service method that nobody classified
 * fails here until someone decides who may use it. (ConsoleViewAccessTests in web-admin
 * navigates the main views for real and checks their controls;
 * ServiceRoleMatrixIntegrationTests in core checks a hand-picked set of calls.)
 */
class AuthorisationMatrixIntegrationTests extends SecurityIntegrationTest {

    enum Caller {

        ADMIN, ORGANIZER, VIEWER, ANONYMOUS

    }

    static final Set<Caller> EVERY_STAFF_ROLE = Set.of(Caller.ADMIN, Caller.ORGANIZER, Caller.VIEWER);
    static final Set<Caller> EDITORS = Set.of(Caller.ADMIN, Caller.ORGANIZER);
    static final Set<Caller> ADMIN_ONLY = Set.of(Caller.ADMIN);

    /**
     * Console features only administrators use: staff users and the audit log, and batch
     * jobs.
     */
    static final Set<String> ADMIN_FEATURES = Set.of("org.advocacy.admin.staff", "org.advocacy.admin.jobs");

    /**
     * Features that change or send things by nature, so VIEWERs (read-only) may not open
     * them.
     */
    static final Set<String> EDITOR_FEATURES = Set.of("org.advocacy.admin.reminders");

    /**
     * Features every staff role reads (VIEWERs read-only; their controls are checked in
     * web-admin).
     */
    static final Set<String> STAFF_FEATURES = Set.of("org.advocacy.admin.dashboard", "org.advocacy.admin.campaigns",
            "org.advocacy.admin.bills", "org.advocacy.admin.stories", "org.advocacy.admin.supporters",
            "org.advocacy.admin.roster", "org.advocacy.admin.deliveries",
            // The console's own pages: My settings (each staff member's time zone).
            "org.advocacy.admin.ui");

    /**
     * Staff service methods every staff member uses on their own account (the service
     * refuses others').
     */
    static final Set<String> OWN_ACCOUNT = Set.of("current", "changeTimeZone");

    /** Service method names that only read. */
    static final List<String> READS = List.of("find", "list", "page", "count", "search", "queue", "stances", "actions",
            "meetingRequests", "mostContacted", "signupFigures", "constituentReport", "dueForFollowUp", "history",
            "progress", "sample", "byCampaign", "byOffice", "problems", "topics", "letterFigures",
            // Bill status sync: the last sync of a bill, and the dashboard's unseen stage
            // changes (marking them
            // seen only moves the caller's own marker, so every staff role may).
            "status", "unseenChanges", "markChangesSeen");

    /** Service method names that change, send or export personal data. */
    static final List<String> CHANGES = List.of("create", "update", "record", "remove", "change", "set", "put", "add",
            "edit", "redact", "approve", "publish", "unpublish", "followUp", "erase", "export", "schedule", "send",
            "unschedule", "resume", "cancel", "reset", "retry", "markDeliveredByHand", "chooseTopics", "track");

    @Autowired
    ApplicationContext context;

    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    // ---------------------------------------------------------------- console routes

    static Map<String, Class<?>> consoleRoutes() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Map<String, Class<?>> routes = new TreeMap<>();
        for (var candidate : scanner.findCandidateComponents("org.advocacy.admin")) {
            Class<?> view = ClassUtils.forName(candidate.getBeanClassName(),
                    AuthorisationMatrixIntegrationTests.class.getClassLoader());
            routes.put(view.getAnnotation(Route.class).value(), view);
        }
        return routes;
    }

    /**
     * The feature package of a class: org.advocacy.admin.staff for
     * org.advocacy.admin.staff.ui.
     */
    static String feature(String packageName, String root) {
        String rest = packageName.substring(root.length());
        int dot = rest.indexOf('.');
        return root + (dot < 0 ? rest : rest.substring(0, dot));
    }

    static Set<Caller> expectedForView(Class<?> view) {
        String feature = feature(view.getPackageName(), "org.advocacy.admin.");
        if (view.getPackageName().equals("org.advocacy.admin.security.ui")) {
            return Set.of(Caller.values());
        }
        if (ADMIN_FEATURES.contains(feature)) {
            return ADMIN_ONLY;
        }
        if (EDITOR_FEATURES.contains(feature)) {
            return EDITORS;
        }
        if (STAFF_FEATURES.contains(feature)) {
            return EVERY_STAFF_ROLE;
        }
        throw new AssertionError("No role rule covers console feature " + feature + " (" + view.getName()
                + "): add it to this test's role rules");
    }

    @Test
    void everyConsoleRouteIsOpenExactlyToTheRolesTheRulesAllow() throws Exception {
        Map<String, Class<?>> routes = consoleRoutes();
        assertThat(routes).as("console routes found on the class path")
            .hasSizeGreaterThanOrEqualTo(15)
            .containsKeys("", "staff", "audit", "jobs", "supporters", "stories", "reminders", "login");
        AccessAnnotationChecker checker = new AccessAnnotationChecker();
        List<String> wrong = new ArrayList<>();
        routes.forEach((path, view) -> {
            Set<Caller> expected = expectedForView(view);
            for (Caller caller : Caller.values()) {
                Principal principal = caller == Caller.ANONYMOUS ? null
                        : () -> caller.name().toLowerCase() + "@example.org";
                boolean allowed = checker.hasAccess(view, principal, role -> caller.name().equals(role));
                if (allowed != expected.contains(caller)) {
                    wrong.add("/admin/" + path + " (" + view.getSimpleName() + ") for " + caller + ": "
                            + (allowed ? "allowed" : "refused"));
                }
            }
        });
        assertThat(wrong).as("routes whose access breaks the role rules").isEmpty();
    }

    @Test
    void anonymousRequestsForEveryProtectedConsoleRouteAreSentToTheLoginPage() throws Exception {
        Client anonymous = client();
        for (var route : consoleRoutes().entrySet()) {
            String path = "/admin/" + route.getKey().replaceAll(":[A-Za-z]+", "A000360");
            if (route.getValue().getPackageName().equals("org.advocacy.admin.security.ui")) {
                assertThat(anonymous.get(path).statusCode()).as(path).isEqualTo(200);
                continue;
            }
            for (String concrete : List.of(path, path + (path.endsWith("/") ? "" : "/") + "1")) {
                HttpResponse<String> response = anonymous.get(concrete);
                assertThat(response.statusCode()).as(concrete).isIn(302, 303);
                assertThat(response.headers().firstValue("Location")).as(concrete)
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/admin/login"));
            }
        }
    }

    // ---------------------------------------------------------------- service methods

    record Guarded(String bean, Object proxy, Method method) {
        String name() {
            return bean + "." + method.getName()
                    + Arrays.stream(method.getParameterTypes())
                        .map(Class::getSimpleName)
                        .toList()
                        .toString()
                        .replace('[', '(')
                        .replace(']', ')');
        }
    }

    List<Guarded> guardedServiceMethods() {
        List<Guarded> guarded = new ArrayList<>();
        for (String name : context.getBeanDefinitionNames()) {
            Class<?> type = context.getType(name);
            if (type == null) {
                continue;
            }
            Class<?> user = ClassUtils.getUserClass(type);
            if (!user.getName().startsWith("org.advocacy.")) {
                continue;
            }
            boolean classGuarded = AnnotatedElementUtils.hasAnnotation(user, PreAuthorize.class);
            for (Method method : user.getMethods()) {
                if (method.getDeclaringClass() == Object.class || Modifier.isStatic(method.getModifiers())
                        || method.isSynthetic() || method.isBridge()) {
                    continue;
                }
                boolean methodGuarded = AnnotatedElementUtils.hasAnnotation(method, PreAuthorize.class);
                if (classGuarded && method.getDeclaringClass() == user || methodGuarded) {
                    guarded.add(new Guarded(user.getSimpleName(), context.getBean(name), method));
                }
            }
        }
        return guarded;
    }

    /**
     * Staff users, the audit log and batch jobs are for administrators; reminders send
     * mail, so editors only.
     */
    static Set<Caller> expectedForMethod(Class<?> service, String method) {
        String feature = service.getPackageName();
        if (feature.equals("org.advocacy.staff") && OWN_ACCOUNT.contains(method)) {
            return EVERY_STAFF_ROLE;
        }
        if (feature.equals("org.advocacy.staff") || feature.startsWith("org.advocacy.batch")) {
            return ADMIN_ONLY;
        }
        if (feature.equals("org.advocacy.reminders")) {
            return EDITORS;
        }
        boolean change = CHANGES.stream().anyMatch(method::startsWith);
        boolean read = READS.stream().anyMatch(method::startsWith);
        if (change) {
            return EDITORS;
        }
        if (read) {
            return EVERY_STAFF_ROLE;
        }
        throw new AssertionError("No role rule says whether " + service.getSimpleName() + "." + method
                + " reads or changes: add its name to this test's READS or CHANGES");
    }

    @Test
    void everyGuardedServiceMethodAdmitsExactlyTheRolesTheRulesAllow() {
        List<Guarded> guarded = guardedServiceMethods();
        assertThat(guarded.stream().map(Guarded::bean).distinct())
            .as("services with @PreAuthorize found in the context")
            .contains("CampaignService", "BillService", "StoryModerationService", "SupporterSearch", "SupporterExport",
                    "SupporterErasure", "SupporterStatistics", "MeetingRequestQueue", "AuditLog", "StaffUserService",
                    "ReminderService", "RosterService");
        assertThat(guarded).hasSizeGreaterThanOrEqualTo(50);
        List<String> wrong = new ArrayList<>();
        Map<String, String> matrix = new LinkedHashMap<>();
        for (Guarded call : guarded) {
            Set<Caller> expected = expectedForMethod(AopUtils.getTargetClass(call.proxy()), call.method().getName());
            StringBuilder row = new StringBuilder();
            for (Caller caller : Caller.values()) {
                boolean allowed = passesRoleCheck(call, caller);
                row.append(caller).append(allowed ? "+ " : "- ");
                if (allowed != expected.contains(caller)) {
                    wrong.add(call.name() + " for " + caller + ": " + (allowed ? "allowed" : "refused"));
                }
            }
            matrix.put(call.name(), row.toString());
        }
        assertThat(wrong).as("service methods whose role check breaks the rules; matrix: " + matrix).isEmpty();
    }

    /**
     * Calls the method through its security proxy as the caller, inside a transaction
     * that is always rolled back. Arguments are harmless placeholders (ids that point
     * nowhere), so a permitted call fails afterwards on the missing record or invalid
     * input, never on the role check.
     */
    private boolean passesRoleCheck(Guarded call, Caller caller) {
        SecurityContextHolder.clearContext();
        if (caller == Caller.ANONYMOUS) {
            RuntimeException withoutAuthentication = invoke(call);
            SecurityContextHolder.getContext()
                .setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
                        AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
            try {
                RuntimeException asAnonymousUser = invoke(call);
                return !(withoutAuthentication instanceof AuthenticationCredentialsNotFoundException)
                        || !(asAnonymousUser instanceof AccessDeniedException);
            }
            finally {
                SecurityContextHolder.clearContext();
            }
        }
        SecurityContextHolder.getContext()
            .setAuthentication(
                    new UsernamePasswordAuthenticationToken(caller.name().toLowerCase() + "-matrix@example.org", null,
                            AuthorityUtils.createAuthorityList("ROLE_" + Role.valueOf(caller.name()).name())));
        try {
            return invoke(call) == null;
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }

    /**
     * Returns the security exception the call was refused with, or null when it passed
     * the check.
     */
    private @Nullable RuntimeException invoke(Guarded call) {
        TransactionTemplate rollback = new TransactionTemplate(transactions);
        RuntimeException[] refused = new RuntimeException[1];
        rollback.executeWithoutResult(status -> {
            status.setRollbackOnly();
            try {
                call.method().invoke(call.proxy(), arguments(call.method()));
            }
            catch (InvocationTargetException e) {
                if (e.getCause() instanceof AccessDeniedException
                        || e.getCause() instanceof AuthenticationCredentialsNotFoundException) {
                    refused[0] = (RuntimeException) e.getCause();
                }
            }
            catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        });
        return refused[0];
    }

    private static @Nullable Object[] arguments(Method method) {
        Class<?>[] types = method.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            Class<?> type = types[i];
            if (type == long.class) {
                args[i] = -1L;
            }
            else if (type == int.class) {
                args[i] = 1;
            }
            else if (type == boolean.class) {
                args[i] = false;
            }
            else if (Pageable.class.isAssignableFrom(type)) {
                args[i] = Pageable.ofSize(1);
            }
            else if (type == String.class) {
                args[i] = "matrix";
            }
            else if (type.isEnum()) {
                args[i] = type.getEnumConstants()[0];
            }
            else {
                args[i] = null;
            }
        }
        return args;
    }

}
