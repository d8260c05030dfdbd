package dev.massbt.strategies.format;

/** Direction of a position. */
public enum Side {
    LONG("long"), SHORT("short");

    private final String key;

    Side(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
