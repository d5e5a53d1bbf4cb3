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
            return HealthStatus.up(meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion() + " at "
                    + withoutCredentials(meta.getURL()));
        } catch (SQLException e) {
            return HealthStatus.down("cannot connect: " + e.getMessage() + " (see " + CONFIG + ")");
        }
    }

    static String withoutCredentials(String url) {
        return url == null ? "?" : url.replaceAll("(?i)(password|user)=[^;&]*", "$1=***");
    }
}
