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
 * The whole manufacturing suite again on PostgreSQL, in a database of its own: the decimals of quantities, scrap and
 * rates as PostgreSQL keeps them, revisions by date, the lock that makes new bills one at a time, MRP netting and
 * firming on PostgreSQL's dates and decimals.
 */
@RunWith(PaxExam.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
@ExamReactorStrategy(PerClass.class)
public class PostgresManufacturingIT extends ManufacturingIT {
    @Override
    @Configuration
    public Option[] config() throws IOException {
        List<Option> options = new ArrayList<>(List.of(super.config()));
        options.addAll(dataSource("PostgreSQL JDBC Driver", PostgresServer.database("manufacturing"), "postgres",
                "postgres"));
        return options.toArray(new Option[0]);
    }
}
