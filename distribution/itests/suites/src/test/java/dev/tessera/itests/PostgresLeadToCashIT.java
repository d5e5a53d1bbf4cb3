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

/** Lead to cash again on PostgreSQL, in a database of its own. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PostgresLeadToCashIT extends LeadToCashIT {
    @Override
    @Configuration
    public Option[] config() throws IOException {
        List<Option> options = new ArrayList<>(List.of(super.config()));
        options.addAll(dataSource("PostgreSQL JDBC Driver", PostgresServer.database("leadtocash"), "postgres", "postgres"));
        return options.toArray(new Option[0]);
    }
}
