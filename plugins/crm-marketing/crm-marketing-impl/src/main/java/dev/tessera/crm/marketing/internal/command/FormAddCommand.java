package dev.tessera.crm.marketing.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.crm.marketing.api.NewWebForm;
import dev.tessera.crm.marketing.api.WebFormCreated;
import dev.tessera.crm.marketing.api.WebForms;

@Service
@Command(scope = "marketing", name = "form-add", description = "Creates a web form and prints its key, this once")
public class FormAddCommand extends MarketingAction {
    @Reference
    WebForms forms;

    @Argument(index = 0, name = "code", required = true, description = "Its unique code, e.g. CONTACT-US")
    String code;

    @Argument(index = 1, name = "name", required = true, description = "Its name, e.g. 'Contact us'")
    String name;

    @Argument(index = 2, name = "campaign", required = true, description = "The campaign its submissions count for")
    String campaign;

    @Option(name = "--list", description = "The list a person who ticks the consent box is subscribed to")
    String list;

    @Option(name = "--rate", description = "Submissions it takes a minute (20 by default)")
    Integer rate;

    @Override
    protected Object run() throws Exception {
        WebFormCreated c = forms.create(new NewWebForm(code, name, campaign, list, rate), user());
        System.out.println("Form " + c.form().code() + " created; its key (shown this once): " + c.key());
        System.out.println("POST /api/v1/marketing/forms/" + c.form().code() + "/submissions with header X-Form-Key");
        return null;
    }
}
