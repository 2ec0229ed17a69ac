package org.advocacy.site.sessions;

import java.util.EnumSet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.JdbcHttpSessionConfiguration;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public site's sessions live in the database (Spring Session JDBC, tables from
 * Flyway), so a supporter whose instance dies carries on on another one with their
 * details. The Vaadin console under {@value #CONSOLE} keeps the servlet container's
 * sessions: a Vaadin UI lives in the memory of one instance, so the load balancer routes
 * the console stickily (docs/scaling.md). The two use different cookies: {@code SESSION}
 * for the site, {@code JSESSIONID} for the console.
 * <p>
 * Spring Boot registers Spring Session's filter for every path; it is registered here
 * instead, behind a filter that passes console requests by.
 * <p>
 * Two of Spring Session's statements are replaced with PostgreSQL ones that keep the hot
 * paths cheap (the action post uses the session on every request): the last access time
 * is written at most once a minute unless something else about the session changed, so
 * requests of one visit do not queue on its row (a session then expires up to a minute
 * early); and an attribute is upserted, so two requests of one visit setting the same
 * attribute at once do not fail on the primary key.
 */
@Configuration(proxyBeanMethods = false)
class PublicSessionConfiguration {

    static final String CONSOLE = "/admin";

    /**
     * Turns off Boot's registration of the session filter for every path (replaced by
     * {@link #publicSiteSessions}), and gives Spring Session's repository plain JDBC
     * transactions: by default it takes the application's only transaction manager, the
     * JPA one, which opens and closes a Hibernate session around each of its statements
     * (a session read on every request, a write on most posts). That is not exposed as a
     * bean of its own, which would replace Boot's {@code TransactionTemplate}.
     */
    @Bean
    static BeanPostProcessor sessionFilterForPublicSiteOnly(ObjectProvider<DataSource> dataSource) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                // The bean SessionAutoConfiguration's
                // SessionRepositoryFilterConfiguration defines.
                if (bean instanceof DelegatingFilterProxyRegistrationBean registration
                        && beanName.equals("sessionRepositoryFilterRegistration")) {
                    registration.setEnabled(false);
                }
                if (bean instanceof JdbcHttpSessionConfiguration sessions) {
                    sessions.setTransactionOperations(
                            new TransactionTemplate(new JdbcTransactionManager(dataSource.getObject())));
                }
                return bean;
            }
        };
    }

    static final String UPDATE_SESSION_AT_MOST_EVERY_MINUTE = """
            UPDATE %TABLE_NAME% S
            SET SESSION_ID = V.SESSION_ID, LAST_ACCESS_TIME = V.LAST_ACCESS_TIME,
                MAX_INACTIVE_INTERVAL = V.MAX_INACTIVE_INTERVAL, EXPIRY_TIME = V.EXPIRY_TIME, PRINCIPAL_NAME = V.PRINCIPAL_NAME
            FROM (SELECT CAST(? AS CHAR(36)) AS SESSION_ID, CAST(? AS BIGINT) AS LAST_ACCESS_TIME,
                         CAST(? AS INT) AS MAX_INACTIVE_INTERVAL, CAST(? AS BIGINT) AS EXPIRY_TIME,
                         CAST(? AS VARCHAR(100)) AS PRINCIPAL_NAME, CAST(? AS CHAR(36)) AS PRIMARY_ID) V
            WHERE S.PRIMARY_ID = V.PRIMARY_ID
              AND (S.SESSION_ID <> V.SESSION_ID OR S.MAX_INACTIVE_INTERVAL <> V.MAX_INACTIVE_INTERVAL
                   OR S.PRINCIPAL_NAME IS DISTINCT FROM V.PRINCIPAL_NAME OR V.LAST_ACCESS_TIME - S.LAST_ACCESS_TIME >= 60000)
            """;

    static final String UPSERT_SESSION_ATTRIBUTE = """
            INSERT INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            VALUES (?, ?, ?)
            ON CONFLICT (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) DO UPDATE SET ATTRIBUTE_BYTES = EXCLUDED.ATTRIBUTE_BYTES
            """;

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> postgresSessionStatements() {
        return repository -> {
            repository.setUpdateSessionQuery(UPDATE_SESSION_AT_MOST_EVERY_MINUTE);
            repository.setCreateSessionAttributeQuery(UPSERT_SESSION_ATTRIBUTE);
        };
    }

    /**
     * {@code advocacy.site.sessions.in-database=false} keeps the container's sessions for
     * the site too (one instance only): the public-site module's MockMvc tests use it,
     * whose sessions are MockHttpSession objects.
     * <p>
     * The filter is Spring Session's, over the {@link QuietSessionRepository} (a request
     * that only read its session writes nothing back) and with Boot's session cookie.
     */
    @Bean
    @ConditionalOnProperty(name = "advocacy.site.sessions.in-database", havingValue = "true", matchIfMissing = true)
    FilterRegistrationBean<Filter> publicSiteSessions(JdbcIndexedSessionRepository repository,
            CookieSerializer cookies) {
        SessionRepositoryFilter<?> sessions = new SessionRepositoryFilter<>(new QuietSessionRepository(repository));
        CookieHttpSessionIdResolver sessionIds = new CookieHttpSessionIdResolver();
        sessionIds.setCookieSerializer(cookies);
        sessions.setHttpSessionIdResolver(sessionIds);
        Filter publicSiteOnly = (ServletRequest request, ServletResponse response, FilterChain chain) -> {
            if (isConsole((HttpServletRequest) request)) {
                chain.doFilter(request, response);
            }
            else {
                sessions.doFilter(request, response, chain);
            }
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(publicSiteOnly);
        registration.setName("publicSiteSessions");
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER);
        registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC));
        return registration;
    }

    static boolean isConsole(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(CONSOLE) || path.startsWith(CONSOLE + "/");
    }

}
