package dev.massbt.jobs.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.massbt.datasets.table.Warehouse;
import dev.massbt.jobs.Main;
import dev.massbt.jobs.cli.Commands;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.hadoop.util.VersionInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The Kubernetes examples in cluster/k8s stay runnable: the SparkApplication validates against the
 * schema of the operator's v1beta2 API (test resource k8s/sparkapplication-v1beta2.schema.json), its
 * main class, jar, Spark and Hadoop versions are this build's, its arguments parse as a real massbt
 * command (a renamed option fails here), the RPC secret is mounted where Spark is told to read it,
 * and the spark-submit example is valid bash whose massbt arguments parse too. No cluster needed.
 */
class SparkApplicationManifestTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static Path dir;
    private static JsonNode manifest;
    private static JsonSchema schema;

    @BeforeAll
    static void load() throws IOException {
        dir = Path.of(System.getProperty("massbt.k8s.dir", "../cluster/k8s"));
        manifest = YAML.readTree(dir.resolve("sparkapplication.yaml").toFile());
        try (InputStream in = SparkApplicationManifestTest.class.getResourceAsStream(
                "/k8s/sparkapplication-v1beta2.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }

    private static Set<String> errors(JsonNode doc) {
        return schema.validate(doc).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
    }

    @Test
    void manifestValidatesAgainstTheSparkApplicationSchema() {
        assertThat(errors(manifest)).isEmpty();
    }

    @Test
    void theSchemaRejectsTyposWrongTypesAndMissingFields() {
        ObjectNode typo = manifest.deepCopy();
        ((ObjectNode) typo.get("spec")).set("mainclass", typo.get("spec").get("mainClass"));
        assertThat(errors(typo)).anyMatch(m -> m.contains("mainclass"));

        ObjectNode cores = manifest.deepCopy();
        ((ObjectNode) cores.get("spec").get("executor")).put("cores", "2");
        assertThat(errors(cores)).anyMatch(m -> m.contains("cores") && m.contains("integer"));

        ObjectNode noDriver = manifest.deepCopy();
        ((ObjectNode) noDriver.get("spec")).remove("driver");
        assertThat(errors(noDriver)).anyMatch(m -> m.contains("driver"));

        ObjectNode badType = manifest.deepCopy();
        ((ObjectNode) badType.get("spec")).put("type", "java");
        assertThat(errors(badType)).anyMatch(m -> m.contains("type"));
    }

    @Test
    void mainClassJarAndVersionsAreThisBuilds() throws IOException {
        JsonNode spec = manifest.get("spec");
        assertThat(spec.get("mainClass").asText()).isEqualTo(Main.class.getName());
        assertThat(spec.get("mainApplicationFile").asText())
                .startsWith("local:///")
                .endsWith("/massbt-jobs-" + System.getProperty("massbt.version", "0.1.0-SNAPSHOT") + "-all.jar");
        assertThat(spec.get("sparkVersion").asText()).isEqualTo(sparkVersion());
        assertThat(spec.get("sparkConf").get("spark.jars.packages").asText())
                .isEqualTo("org.apache.hadoop:hadoop-aws:" + VersionInfo.getVersion());
        assertThat(spec.get("sparkConf").get("spark.sql.extensions").asText())
                .isEqualTo("io.delta.sql.DeltaSparkSessionExtension");
        assertThat(spec.get("sparkConf").get("spark.sql.catalog.spark_catalog").asText())
                .isEqualTo("org.apache.spark.sql.delta.catalog.DeltaCatalog");
    }

    @Test
    void argumentsParseAsAMassbtCommand() {
        List<String> args = new ArrayList<>();
        manifest.get("spec").get("arguments").forEach(a -> args.add(a.asText()));
        CommandLine.ParseResult parsed = parse(args);
        assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("backtest");
        assertThat(parsed.subcommand().matchedOptionValue("--symbols", List.of())).containsExactly("EURUSD");
        String warehouse = parsed.subcommand().matchedOptionValue("--warehouse", "");
        assertThat(Warehouse.at(warehouse).root()).isEqualTo("s3a://massbt-data/warehouse");
    }

    /** picocli's parse only (nothing runs): an unknown or renamed option throws. */
    private static CommandLine.ParseResult parse(List<String> args) {
        return Commands.commandLine().parseArgs(args.toArray(String[]::new));
    }

    @Test
    void aRenamedOptionWouldFailThisCheck() {
        List<String> args = List.of("backtest", "--strategies-run", "gen7", "--symbol", "EURUSD");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse(args))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--symbol");
    }

    @Test
    void theRpcSecretIsMountedWhereSparkReadsItAndNoCredentialIsInline() {
        JsonNode spec = manifest.get("spec");
        JsonNode conf = spec.get("sparkConf");
        assertThat(conf.get("spark.authenticate").asText()).isEqualTo("true");
        for (String role : List.of("driver", "executor")) {
            String file = conf.get("spark.authenticate.secret." + role + ".file").asText();
            List<String> mounts = new ArrayList<>();
            spec.get(role).get("secrets").forEach(s -> mounts.add(s.get("path").asText() + "/"));
            assertThat(mounts).as(role).anyMatch(file::startsWith);
            List<String> fromSecrets = new ArrayList<>();
            spec.get(role).get("env").forEach(e -> {
                assertThat(e.has("value")).as(role + " env " + e.get("name").asText() + " must come from a Secret")
                        .isFalse();
                fromSecrets.add(e.get("name").asText());
            });
            assertThat(fromSecrets).as(role).contains("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
        }
        List<String> keys = new ArrayList<>();
        conf.fieldNames().forEachRemaining(keys::add);
        spec.get("hadoopConf").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).noneMatch(k -> k.contains("access.key") || k.contains("secret.key")
                || k.equals("spark.authenticate.secret"));
    }

    @Test
    void sparkSubmitExampleIsValidBashAndItsArgumentsParse() throws Exception {
        Path script = dir.resolve("spark-submit-k8s.sh");
        assertThat(run(List.of("bash", "-n", script.toString())).code()).isZero();

        Outcome printed = run(List.of("env", "PRINT_ONLY=1", "SPARK_HOME=/opt/spark", "bash", script.toString(),
                "backtest", "--strategies-run", "gen7", "--symbols", "EURUSD", "--run-id", "eurusd-gen7"));
        assertThat(printed.code()).as(printed.text()).isZero();
        List<String> words = Arrays.asList(printed.text().strip().split(" +"));
        assertThat(words.get(0)).isEqualTo("/opt/spark/bin/spark-submit");
        assertThat(words).containsSubsequence("--master", "k8s://https://kubernetes.default.svc:443")
                .containsSubsequence("--deploy-mode", "cluster")
                .containsSubsequence("--class", Main.class.getName())
                .containsSubsequence("--packages", "org.apache.hadoop:hadoop-aws:" + VersionInfo.getVersion());
        int jar = words.indexOf("local:///opt/massbt/massbt-jobs-" + System.getProperty("massbt.version",
                "0.1.0-SNAPSHOT") + "-all.jar");
        assertThat(jar).isPositive();
        CommandLine.ParseResult parsed = parse(words.subList(jar + 1, words.size()));
        assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("backtest");
        assertThat(parsed.subcommand().matchedOptionValue("--run-id", "")).isEqualTo("eurusd-gen7");
        assertThat(parsed.subcommand().matchedOptionValue("--warehouse", "")).isEqualTo("s3a://massbt-data/warehouse");
        // the manifest and the script describe the same job settings
        assertThat(words).contains("spark.authenticate.secret.executor.file="
                + manifest.get("spec").get("sparkConf").get("spark.authenticate.secret.executor.file").asText());
    }

    record Outcome(int code, String text) {
    }

    private static Outcome run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Outcome(p.exitValue(), text);
    }

    /** The Spark version on the test classpath (spark-core's build info). */
    private static String sparkVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = org.apache.spark.SparkContext.class.getClassLoader()
                .getResourceAsStream("spark-version-info.properties")) {
            assertThat(in).as("spark-version-info.properties on the classpath").isNotNull();
            p.load(in);
        }
        return p.getProperty("version");
    }

    @Test
    void theDockerfileShipsTheJarTheManifestNames() throws IOException {
        String dockerfile = Files.readString(dir.resolve("Dockerfile"));
        String jarPath = manifest.get("spec").get("mainApplicationFile").asText().substring("local://".length());
        String jarDir = jarPath.substring(0, jarPath.lastIndexOf('/') + 1);
        String jarName = jarPath.substring(jarPath.lastIndexOf('/') + 1);
        assertThat(dockerfile).contains("COPY jobs/target/" + jarName + " " + jarDir)
                .contains("FROM spark:" + sparkVersion() + "-scala2.13-java17");
    }
}
