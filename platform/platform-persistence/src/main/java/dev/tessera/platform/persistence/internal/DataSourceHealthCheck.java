package dev.tessera.platform.persistence.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import dev.tessera.platform.api.HealthCheck;
import dev.tessera.platform.api.HealthStatus;

/** Reports whether the tessera DataSource is configured and answers. */
@Component(service = HealthCheck.class)
public final class DataSourceHealthCheck implements HealthCheck {
    static final String TARGET = "(osgi.jndi.service.name=tessera)";
    static final String CONFIG = "etc/org.ops4j.datasource-tessera.cfg";

    @Reference(target = TARGET, cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DataSource dataSource;

    @Override
    public String name() {
        return "datasource";
    }

    @Override
    public HealthStatus check() {
        DataSource current = dataSource;
        if (current == null) {
            return HealthStatus.down("no DataSource 'tessera' is registered: check " + CONFIG
                    + " (driver, url) and the log for the reason");
        }
        try (Connection connection = current.getConnection()) {
            if (!connection.isValid(5)) {
                return HealthStatus.down("the database does not answer within 5 s");
            }
            DatabaseMetaData meta = connection.getMetaData();
            return HealthStatus.up(meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion() + ", "
                    + where(meta.getURL()));
        } catch (SQLException e) {
            return HealthStatus.down("cannot connect: " + e.getMessage() + " (see " + CONFIG + ")");
        }
    }

    /**
     * Where the database is, as much as a viewer may know: "embedded" for Derby (the path of its files on this
     * machine is the administrator's business: etc/org.ops4j.datasource-tessera.cfg), host, port and database for a
     * server; never a user, a password or another parameter.
     */
    static String where(String url) {
        if (url == null) {
            return "at an unknown address";
        }
        if (url.startsWith("jdbc:derby:") && !url.startsWith("jdbc:derby://")) {
            return "embedded";
        }
        java.util.regex.Matcher server = java.util.regex.Pattern.compile("jdbc:[a-z0-9]+://([^/?;]+)(/[^?;]*)?")
                .matcher(url);
        return server.lookingAt() ? "at " + server.group(1) + (server.group(2) == null ? "" : server.group(2))
                : "at a server";
    }
}
