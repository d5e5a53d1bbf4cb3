package dev.tessera.crm.marketing.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "marketing", name = "rescore", description = "Scores every lead now and records those that crossed the threshold")
public class RescoreCommand extends MarketingAction {
    @Override
    protected Object run() {
        int crossed = scores.rescore(user());
        System.out.println(crossed + " lead(s) crossed the threshold");
        return null;
    }
}
