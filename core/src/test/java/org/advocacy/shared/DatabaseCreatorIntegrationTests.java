package org.advocacy.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;

import org.advocacy.testsupport.PostgresTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DatabaseCreatorIntegrationTests {

    private final PostgresTestDatabase.Connection server = PostgresTestDatabase.connection();

    private final String database = "advocacy_created_" + ProcessHandle.current().pid();

    private final String url = server.url().replaceFirst("/[A-Za-z0-9_]+(\\?.*)?$", "/" + database + "$1");

    @Test
    void createsAMissingDatabaseSoTheAppStartsAgainstAStockServer() throws Exception {
        DatabaseCreator.createIfMissing(url, server.username(), server.password());

        try (var connection = DriverManager.getConnection(url, server.username(), server.password())) {
            assertThat(connection.isValid(2)).isTrue();
        }
    }

    @Test
    void leavesAnExistingDatabaseAlone() throws Exception {
        DatabaseCreator.createIfMissing(url, server.username(), server.password());
        try (var connection = DriverManager.getConnection(url, server.username(), server.password());
                var statement = connection.createStatement()) {
            statement.execute("create table marker (id int)");
        }

        DatabaseCreator.createIfMissing(url, server.username(), server.password());

        try (var connection = DriverManager.getConnection(url, server.username(), server.password());
                var result = connection.createStatement().executeQuery("select count(*) from marker")) {
            assertThat(result.next()).isTrue();
        }
    }

    @AfterEach
    void dropDatabase() throws Exception {
        String maintenance = server.url().replaceFirst("/[A-Za-z0-9_]+(\\?.*)?$", "/postgres$1");
        try (var connection = DriverManager.getConnection(maintenance, server.username(), server.password());
                var statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
        }
    }

}
