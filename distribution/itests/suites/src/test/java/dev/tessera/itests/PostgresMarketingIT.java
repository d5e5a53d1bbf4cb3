package dev.tessera.itests;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.FixMethodOrder;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The whole marketing suite again on PostgreSQL, in a database of its own: decay and attribution on PostgreSQL's
 * timestamps and decimals, the lead row lock that makes a threshold crossing one event.
 */
@RunWith(PaxExam.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
@ExamReactorStrategy(PerClass.class)
public class PostgresMarketingIT extends MarketingIT {
    @Override
    @Configuration
    public Option[] config() throws IOException {
        List<Option> options = new ArrayList<>(List.of(super.config()));
        options.addAll(dataSource("PostgreSQL JDBC Driver", PostgresServer.database("marketing"), "postgres",
                "postgres"));
        return options.toArray(new Option[0]);
    }
}
