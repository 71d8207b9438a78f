package dev.veil.policy.classify.detect;

import dev.veil.policy.BuiltinClasses;

/** IPv4 addresses in dotted-quad form and IPv6 addresses (with {@code ::} compression and an IPv4 tail). */
public final class IpAddressDetector implements Detector {

    @Override
    public String id() {
        return "ip-address";
    }

    @Override
    public String classId() {
        return BuiltinClasses.IP_ADDRESS;
    }

    @Override
    public boolean matches(String value) {
        String v = value.strip();
        return v.indexOf(':') >= 0 ? ipv6(v) : ipv4(v);
    }

    static boolean ipv4(String v) {
        String[] parts = v.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')
                    || p.length() > 1 && p.charAt(0) == '0' || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    static boolean ipv6(String v) {
        int zone = v.indexOf('%');
        String address = zone >= 0 ? v.substring(0, zone) : v;
        int compression = address.indexOf("::");
        if (compression >= 0 && address.indexOf("::", compression + 1) >= 0) {
            return false;
        }
        String[] groups = address.split(":", -1);
        int count = 0;
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            boolean last = i == groups.length - 1;
            if (g.isEmpty()) {
                continue; // part of "::" (checked above) or a leading/trailing colon of it
            }
            if (last && g.indexOf('.') >= 0) {
                if (!ipv4(g)) {
                    return false;
                }
                count += 2;
            } else {
                if (g.length() > 4 || !g.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                    return false;
                }
                count++;
            }
        }
        if (compression < 0) {
            return count == 8 && !address.startsWith(":") && !address.endsWith(":");
        }
        boolean badLeading = address.startsWith(":") && !address.startsWith("::");
        boolean badTrailing = address.endsWith(":") && !address.endsWith("::");
        return count < 8 && !badLeading && !badTrailing;
    }
}
