package dev.tessera.crm.pipeline.internal;

import java.net.IDN;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * The keys leads are matched by. E-mail: trimmed and lower-case. Domain: the company's domain from the web address
 * or, for a company address, the e-mail (free-mail providers say nothing about the company). Name: folded to plain
 * lower-case letters, words sorted, so "Müller, Anna" and "anna muller" meet; near-identical is at most one edit
 * apart, two for names longer than 12 letters.
 */
final class Matching {
    /** Addresses at these say nothing about the company. */
    static final Set<String> FREE_MAIL = Set.of("gmail.com", "googlemail.com", "yahoo.com", "yahoo.de", "hotmail.com",
            "outlook.com", "live.com", "msn.com", "icloud.com", "me.com", "aol.com", "gmx.de", "gmx.net", "gmx.com",
            "web.de", "t-online.de", "proton.me", "protonmail.com", "mail.com", "yandex.com", "zoho.com");

    private Matching() {
    }

    static String emailKey(String email) {
        return email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    /** The company domain: from the web address if given, else from a non-free-mail e-mail address; null if neither. */
    static String domain(String website, String email) {
        String fromSite = host(website);
        if (fromSite != null) {
            return fromSite;
        }
        String key = emailKey(email);
        if (key == null || key.indexOf('@') < 0) {
            return null;
        }
        String host = host(key.substring(key.lastIndexOf('@') + 1));
        return host == null || FREE_MAIL.contains(host) ? null : host;
    }

    /** "https://WWW.Example.com/about" → "example.com"; null when there is no host. */
    static String host(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        String host = address.trim().toLowerCase(Locale.ROOT);
        int scheme = host.indexOf("://");
        if (scheme >= 0) {
            host = host.substring(scheme + 3);
        }
        int end = indexOfAny(host, "/?#:");
        if (end >= 0) {
            host = host.substring(0, end);
        }
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty() || !host.contains(".")) {
            return null;
        }
        try {
            return IDN.toASCII(host);
        } catch (IllegalArgumentException e) {
            return host;
        }
    }

    /** Legal forms that say nothing about which company it is. */
    private static final Set<String> LEGAL_FORMS = Set.of("gmbh", "ag", "kg", "ohg", "ug", "se", "inc", "incorporated",
            "ltd", "limited", "llc", "llp", "plc", "corp", "corporation", "co", "company", "sa", "sas", "sarl", "srl",
            "spa", "bv", "nv", "oy", "ab", "as", "aps", "kk", "pty", "the");

    /** The company name folded for comparison: "ACME GmbH" and "Acme" meet; null for none. */
    static String companyKey(String company) {
        if (company == null) {
            return null;
        }
        String plain = Normalizer.normalize(company, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
        StringBuilder key = new StringBuilder();
        for (String word : plain.split(" ")) {
            if (!word.isEmpty() && !LEGAL_FORMS.contains(word)) {
                key.append(key.length() == 0 ? "" : " ").append(word);
            }
        }
        return key.length() == 0 ? null : key.toString();
    }

    /** The name folded for comparison: plain letters and digits, lower-case, words sorted. */
    static String nameKey(String name) {
        if (name == null) {
            return "";
        }
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace("ß", "ss").toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
        if (plain.isEmpty()) {
            return "";
        }
        String[] words = plain.split(" ");
        Arrays.sort(words);
        return String.join(" ", words);
    }

    /** Whether two name keys are near-identical: equal, or one edit apart (two for names longer than 12 letters). */
    static boolean similarNames(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        int allowed = Math.max(a.length(), b.length()) > 12 ? 2 : 1;
        if (Math.abs(a.length() - b.length()) > allowed) {
            return false;
        }
        return distance(a, b, allowed) <= allowed;
    }

    /** Levenshtein distance, stopping early once it exceeds {@code limit}. */
    static int distance(String a, String b, int limit) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int best = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                best = Math.min(best, current[j]);
            }
            if (best > limit) {
                return best;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static int indexOfAny(String text, String chars) {
        int found = -1;
        for (char c : chars.toCharArray()) {
            int at = text.indexOf(c);
            if (at >= 0 && (found < 0 || at < found)) {
                found = at;
            }
        }
        return found;
    }
}
