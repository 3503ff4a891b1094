package dev.newsroom.feed.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import dev.newsroom.testsupport.Infrastructure;

/** Direct SQL on the test PostgreSQL, for what another replica or a bug would do to the read model. */
public final class Database {

    private Database() {
    }

    public static int update(String sql, Object... parameters) {
        try (Connection connection = Infrastructure.shared().connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            if (statement.execute()) {
                return -1;
            }
            return statement.getUpdateCount();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
