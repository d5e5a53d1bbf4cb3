package dev.tessera.itests;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Every persistence test again, on PostgreSQL instead of the embedded Derby: the distribution is pointed at a real
 * PostgreSQL server only by editing etc/org.ops4j.datasource-tessera.cfg, as an administrator would.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PostgresPersistenceIT extends PersistenceIT {
    @Override
    @Configuration
    public Option[] config() throws IOException {
        int port = PostgresServer.port();
        List<Option> options = new ArrayList<>(List.of(super.config()));
        options.addAll(dataSource("PostgreSQL JDBC Driver", "jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "postgres", "postgres"));
        return options.toArray(new Option[0]);
    }

    @Override
    protected String expectedDatabase() {
        return "PostgreSQL";
    }
}
