package cnnkit.grader.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the grader's own cgroups are, read from {@code /proc/self/cgroup} (the cgroup of each controller) and
 * {@code /proc/self/mountinfo} (where each hierarchy is mounted, and which of its folders the mount shows as its
 * root): a worker's cgroups are made inside the grader's, so they stay within any limit the machine set on it.
 *
 * @param mountinfo the text of {@code /proc/self/mountinfo}
 * @param cgroups   the text of {@code /proc/self/cgroup}
 */
record CgroupTable(String mountinfo, String cgroups) {
    /** The controllers a worker is limited by, with their limit files in cgroup v1 and v2. */
    private static final List<String[]> CONTROLLERS = List.of(
            new String[] {"pids", "pids.max", "pids.max"},
            new String[] {"memory", "memory.limit_in_bytes", "memory.max"});
    /** Key of the v2 hierarchy in the maps below (no v1 controller has this name). */
    private static final String V2 = "";

    /** @return this process's table, empty where {@code /proc} cannot be read (not Linux) */
    static CgroupTable read() {
        try {
            return new CgroupTable(
                    Files.readString(Path.of("/proc/self/mountinfo")), Files.readString(Path.of("/proc/self/cgroup")));
        } catch (IOException | RuntimeException e) {
            return new CgroupTable("", "");
        }
    }

    /**
     * @param tasks  the largest number of tasks
     * @param memory the largest memory, in bytes
     * @return for each folder a worker's cgroup is made in, the limit files to write there and their values; a v1
     *     controller wins over v2 (a controller bound to a v1 hierarchy is not offered in v2)
     */
    Map<Path, Map<String, String>> limits(int tasks, long memory) {
        Map<String, String> own = own();
        Map<String, String[]> mounts = mounts();
        Map<Path, Map<String, String>> limits = new LinkedHashMap<>();
        for (String[] c : CONTROLLERS) {
            String value = c[0].equals("pids") ? Integer.toString(tasks) : Long.toString(memory);
            Path v1 = folder(mounts.get(c[0]), own.get(c[0]));
            Path v2 = folder(mounts.get(V2), own.get(V2));
            if (v1 != null) {
                limits.computeIfAbsent(v1, k -> new LinkedHashMap<>()).put(c[1], value);
            } else if (v2 != null) {
                limits.computeIfAbsent(v2, k -> new LinkedHashMap<>()).put(c[2], value);
            }
        }
        return limits;
    }

    /** @return the grader's cgroup path per v1 controller, and for v2 under {@link #V2} */
    private Map<String, String> own() {
        Map<String, String> own = new HashMap<>();
        for (String line : cgroups.split("\n")) {
            String[] f = line.split(":", 3);
            if (f.length < 3) {
                continue;
            }
            if (f[0].equals("0") && f[1].isEmpty()) {
                own.put(V2, f[2].strip());
            } else {
                for (String controller : f[1].split(",")) {
                    own.put(controller, f[2].strip());
                }
            }
        }
        return own;
    }

    /** @return per v1 controller (and for v2 under {@link #V2}) the mount's root folder and mount point */
    private Map<String, String[]> mounts() {
        Map<String, String[]> mounts = new HashMap<>();
        for (String line : mountinfo.split("\n")) {
            String[] f = line.strip().split(" ");
            int dash = List.of(f).indexOf("-");
            if (dash < 5 || f.length < dash + 4) {
                continue;
            }
            String[] where = {unescape(f[3]), unescape(f[4])};
            if (f[dash + 1].equals("cgroup2")) {
                mounts.putIfAbsent(V2, where);
            } else if (f[dash + 1].equals("cgroup")) {
                for (String option : f[dash + 3].split(",")) {
                    mounts.putIfAbsent(option, where);
                }
            }
        }
        return mounts;
    }

    /** @return the folder of a cgroup path under a mount, or null if the mount does not show it */
    private static Path folder(String[] mount, String path) {
        if (mount == null || path == null || !path.startsWith("/")) {
            return null;
        }
        String root = mount[0];
        if (root.equals("/")) {
            return Path.of(mount[1] + path);
        }
        if (path.equals(root) || path.startsWith(root + "/")) {
            return Path.of(mount[1] + path.substring(root.length()));
        }
        return null;
    }

    /** @return a mountinfo field with its octal escapes (such as {@code \040} for a space) decoded */
    private static String unescape(String field) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char ch = field.charAt(i);
            if (ch == '\\'
                    && i + 3 < field.length()
                    && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                s.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                s.append(ch);
            }
        }
        return s.toString();
    }
}
