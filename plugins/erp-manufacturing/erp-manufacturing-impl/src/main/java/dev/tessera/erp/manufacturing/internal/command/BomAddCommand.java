package dev.tessera.erp.manufacturing.internal.command;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.erp.manufacturing.api.Bom;
import dev.tessera.erp.manufacturing.api.NewBom;
import dev.tessera.erp.manufacturing.api.NewBomComponent;
import dev.tessera.erp.manufacturing.api.NewBomOperation;

@Service
@Command(scope = "manufacturing", name = "bom-add",
        description = "Makes the next revision of an item's bill of materials (revisions are never changed), e.g."
                + " manufacturing:bom-add --output 2 --operation 'PRINTING setup 0.25 run 0.05' GIFT-BOX"
                + " '3 CARD-SHEET +10%' '4 INK-CL'")
public class BomAddCommand extends ManufacturingAction {
    static final String COMPONENT = "'<qty> <sku> [+<scrap>%]', e.g. '3 CARD-SHEET +10%'";
    static final String OPERATION = "'<work center> [setup <hours>] [run <hours a unit>] [fixed <cost a batch>]',"
            + " e.g. 'PRINTING setup 0.25 run 0.05'";
    private static final Pattern COMPONENT_LINE = Pattern.compile("\\s*(\\S+)\\s+(\\S+)(?:\\s+\\+(\\S+?)\\s*%)?\\s*");
    private static final Pattern OPERATION_LINE = Pattern.compile("\\s*(\\S+)((?:\\s+(?:setup|run|fixed)\\s+\\S+)*)\\s*");
    private static final Pattern PART = Pattern.compile("(setup|run|fixed)\\s+(\\S+)");

    @Argument(index = 0, name = "sku", required = true, description = "The item the bill makes, e.g. GIFT-SET")
    String sku;

    @Argument(index = 1, name = "components", required = true, multiValued = true,
            description = "Its components, one argument each: " + COMPONENT + " (options go before the item)")
    List<String> components;

    @Option(name = "--operation", aliases = "-o", multiValued = true,
            description = "An operation, in order: " + OPERATION)
    List<String> operations;

    @Option(name = "--output", description = "How many units a batch makes (1 by default)")
    String output;

    @Option(name = "--phantom", description = "Never made on its own: where it is a component, it explodes into"
            + " its parent")
    boolean phantom;

    @Option(name = "--from", description = "The day (YYYY-MM-DD) it takes effect (today by default)")
    String from;

    @Option(name = "--note", description = "Why this revision, e.g. 'thinner cardboard'")
    String note;

    @Override
    protected Object run() throws Exception {
        List<NewBomComponent> parts = new ArrayList<>();
        for (String c : components) {
            parts.add(component(c));
        }
        List<NewBomOperation> steps = new ArrayList<>();
        if (operations != null) {
            for (String o : operations) {
                steps.add(operation(o));
            }
        }
        Bom bom = boms.create(new NewBom(sku, number("--output", output), phantom, date("--from", from), note, parts,
                steps), user());
        System.out.println("Revision " + bom.revision() + " of " + bom.sku() + "'s bill of materials made, in force"
                + " from " + bom.effectiveFrom() + ":");
        printBom(bom);
        return null;
    }

    static NewBomComponent component(String line) throws CommandException {
        Matcher m = COMPONENT_LINE.matcher(line);
        if (!m.matches()) {
            throw new CommandException("'" + line + "' is not a component: write " + COMPONENT + " [manufacturing.invalid]");
        }
        return new NewBomComponent(m.group(2), number("the quantity of '" + line + "'", m.group(1)),
                number("the scrap of '" + line + "'", m.group(3)));
    }

    static NewBomOperation operation(String line) throws CommandException {
        Matcher m = OPERATION_LINE.matcher(line);
        if (!m.matches()) {
            throw new CommandException("--operation '" + line + "' is not an operation: write " + OPERATION + " [manufacturing.invalid]");
        }
        BigDecimal setup = null;
        BigDecimal run = null;
        BigDecimal fixed = null;
        Matcher part = PART.matcher(m.group(2));
        while (part.find()) {
            BigDecimal value = number("--operation " + line + ": " + part.group(1), part.group(2));
            switch (part.group(1)) {
                case "setup" -> setup = value;
                case "run" -> run = value;
                default -> fixed = value;
            }
        }
        return new NewBomOperation(m.group(1), null, setup, run, fixed);
    }
}
