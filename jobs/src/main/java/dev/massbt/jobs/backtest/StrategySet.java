package dev.massbt.jobs.backtest;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The strategies of a run as shipped to executors (one broadcast): ids and canonical JSON in
 * the run's order. JSON, not parsed objects, travels: it is compact and the tasks parse only
 * their chunk.
 */
public final class StrategySet implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String[] ids;
    private final String[] json;

    public StrategySet(List<String> ids, List<String> json) {
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(json, "json");
        if (ids.size() != json.size()) {
            throw new IllegalArgumentException(ids.size() + " ids but " + json.size() + " strategies");
        }
        this.ids = ids.toArray(String[]::new);
        this.json = json.toArray(String[]::new);
    }

    public int size() {
        return ids.length;
    }

    public String id(int i) {
        return ids[i];
    }

    public String json(int i) {
        return json[i];
    }

    /** The sub-set at {@code indices}, in that order. */
    public StrategySet select(int[] indices) {
        String[] i2 = new String[indices.length];
        String[] j2 = new String[indices.length];
        for (int k = 0; k < indices.length; k++) {
            i2[k] = ids[indices[k]];
            j2[k] = json[indices[k]];
        }
        return new StrategySet(List.of(i2), List.of(j2));
    }
}
