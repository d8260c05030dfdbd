package dev.massbt.jobs.airflow;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Objects;

/**
 * Where Airflow's API server is and how to authenticate, from the environment:
 * {@code MASSBT_AIRFLOW_URL} (e.g. {@code http://127.0.0.1:8080}), and either
 * {@code MASSBT_AIRFLOW_TOKEN} (a JWT) or {@code MASSBT_AIRFLOW_USER} + {@code MASSBT_AIRFLOW_PASSWORD}
 * (exchanged for a JWT at {@code POST /auth/token}). {@link #toString()} never shows a secret.
 */
public record AirflowSettings(URI url, String user, String password, String token) {

    public static final String URL = "MASSBT_AIRFLOW_URL";
    public static final String USER = "MASSBT_AIRFLOW_USER";
    public static final String PASSWORD = "MASSBT_AIRFLOW_PASSWORD";
    public static final String TOKEN = "MASSBT_AIRFLOW_TOKEN";

    public AirflowSettings {
        Objects.requireNonNull(url, "url");
        if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
            throw settings("$" + URL + " must be an http:// or https:// URL of Airflow's API server, e.g. "
                    + "http://127.0.0.1:8080.");
        }
        if (token == null && (user == null || password == null)) {
            throw settings("No Airflow credentials: set $" + TOKEN + ", or $" + USER + " and $" + PASSWORD + ".");
        }
    }

    /** The settings in {@code env}; a missing or malformed variable is an {@link AirflowException} naming it. */
    public static AirflowSettings fromEnv(Map<String, String> env) {
        Objects.requireNonNull(env, "env");
        String url = blankToNull(env.get(URL));
        if (url == null) {
            throw settings("$" + URL + " is not set: set it to Airflow's API server, e.g. http://127.0.0.1:8080.");
        }
        URI uri;
        try {
            uri = new URI(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        } catch (URISyntaxException e) {
            throw settings("$" + URL + " is not a URL: " + e.getReason() + ".");
        }
        return new AirflowSettings(uri, blankToNull(env.get(USER)), blankToNull(env.get(PASSWORD)),
                blankToNull(env.get(TOKEN)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static AirflowException settings(String message) {
        return new AirflowException(AirflowException.Kind.SETTINGS, 0, message);
    }

    @Override
    public String toString() {
        return "AirflowSettings[url=" + url + ", " + (token != null ? "token=***" : "user=" + user + ", password=***")
                + "]";
    }
}
