package dev.tessera.platform.support.console;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.karaf.shell.support.CommandException;

/**
 * A document line as typed on the console: {@code '<qty> <sku or description> [@ <unit price>] [-<discount>%]
 * [/<months> months]'}, e.g. {@code '400 MUG-1 -10%'} or {@code '1 Support plan @ 1200 /12 months'}. One word is a
 * SKU, words with spaces a description.
 */
public record LineSpec(BigDecimal quantity, String sku, String description, BigDecimal unitPrice,
                       BigDecimal discountPercent, Integer contractMonths) {
    public static final String SYNTAX = "'<qty> <sku or description> [@ <unit price>] [-<discount>%] [/<months> months]'";
    private static final Pattern LINE = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s+(.+?)(?:\\s+@\\s*(\\d+(?:\\.\\d+)?))?"
            + "(?:\\s+-(\\d+(?:\\.\\d+)?)\\s*%)?(?:\\s+/(\\d+)\\s*months?)?\\s*");
    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-]{0,39}");

    public static LineSpec parse(String line) throws CommandException {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            throw new CommandException("'" + line + "' is not a line: write " + SYNTAX + ", e.g. '400 MUG-1 -10%'");
        }
        String what = m.group(2).trim();
        boolean sku = SKU.matcher(what).matches();
        return new LineSpec(new BigDecimal(m.group(1)), sku ? what : null, sku ? null : what,
                m.group(3) == null ? null : new BigDecimal(m.group(3)),
                m.group(4) == null ? null : new BigDecimal(m.group(4)),
                m.group(5) == null ? null : Integer.valueOf(m.group(5)));
    }
}
