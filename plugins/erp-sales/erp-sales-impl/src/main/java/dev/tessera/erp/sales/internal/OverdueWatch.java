package dev.tessera.erp.sales.internal;

import java.time.LocalDate;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tessera.erp.sales.api.Billing;

/** Reports invoices that fell due ({@code sales.invoice.overdue}), every {@code overdueCheckMinutes}. */
@Component(configurationPid = OrdersImpl.PID)
public final class OverdueWatch {
    private static final Logger LOG = LoggerFactory.getLogger(OverdueWatch.class);

    private final ScheduledExecutorService timer;

    @Activate
    public OverdueWatch(@Reference Billing billing, SalesConfig config) {
        int minutes = Settings.of(config).overdueCheckMinutes();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "tessera-sales-overdue");
            thread.setDaemon(true);
            return thread;
        });
        if (minutes > 0) {
            timer.scheduleWithFixedDelay(() -> {
                try {
                    int found = billing.markOverdue(LocalDate.now());
                    if (found > 0) {
                        LOG.info("{} invoice(s) fell due and were reported overdue", found);
                    }
                } catch (RuntimeException e) {
                    LOG.warn("Checking for overdue invoices failed; trying again in {} minutes: {}", minutes,
                            e.toString());
                }
            }, 1, minutes, TimeUnit.MINUTES);
        }
    }

    /** Lets a check under way finish instead of interrupting it in the middle of the database's file I/O. */
    @Deactivate
    void stop() throws InterruptedException {
        timer.shutdown();
        timer.awaitTermination(30, TimeUnit.SECONDS);
    }
}
