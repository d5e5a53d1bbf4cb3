package dev.tessera.crm.marketing.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.crm.marketing.api.WebForm;
import dev.tessera.crm.marketing.api.WebForms;

@Service
@Command(scope = "marketing", name = "forms", description = "Lists the web forms with their campaign, list and rate")
public class FormsCommand extends MarketingAction {
    @Reference
    WebForms forms;

    @Override
    protected Object run() throws Exception {
        System.out.printf("%-20s %-30s %-20s %-20s %s%n", "CODE", "NAME", "CAMPAIGN", "LIST", "PER_MINUTE");
        for (WebForm f : forms.forms()) {
            System.out.printf("%-20s %-30s %-20s %-20s %d%n", f.code(), f.name(), f.campaign(),
                    f.list() == null ? "-" : f.list(), f.ratePerMinute());
        }
        return null;
    }
}
