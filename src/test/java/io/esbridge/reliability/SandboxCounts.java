package io.esbridge.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the sandbox Enterprise Server holds, read straight from its database (the test JVM's sandbox): users and
 * hosting spaces whose names start with a test's prefix, and any name present more than once.
 */
final class SandboxCounts {

    private final String url;

    SandboxCounts(String url) {
        this.url = url;
    }

    long users(String prefix) {
        return count("select count(*) from es_users where username like ?", prefix + "%");
    }

    long distinctUsers(String prefix) {
        return count("select count(distinct lower(username)) from es_users where username like ?", prefix + "%");
    }

    long packages(String prefix) {
        return count("select count(*) from es_packages where package_name like ?", prefix + "%");
    }

    long distinctPackages(String prefix) {
        return count("select count(distinct package_name) from es_packages where package_name like ?", prefix + "%");
    }

    /** Users of the prefix that do not hold exactly one hosting space. */
    List<String> usersWithoutExactlyOnePackage(String prefix) {
        List<String> wrong = new ArrayList<>();
        query(
                "select u.username, count(p.package_id) from es_users u left join es_packages p on p.user_id = u.user_id"
                        + " where u.username like ? group by u.username having count(p.package_id) <> 1",
                prefix + "%",
                rs -> wrong.add(rs.getString(1) + "=" + rs.getLong(2)));
        return wrong;
    }

    private long count(String sql, String parameter) {
        long[] result = {0};
        query(sql, parameter, rs -> result[0] = rs.getLong(1));
        return result[0];
    }

    interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private void query(String sql, String parameter, Row row) {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
