/**
 * Spark ingest of datasets into the Delta tables.
 * {@link dev.massbt.datasets.ingest.DatasetIngest} is the entry point from a dataset name
 * (built-in, synthetic, or the user's files) to the tables; it runs
 * {@link dev.massbt.datasets.ingest.IngestAction} for files and
 * {@link dev.massbt.datasets.ingest.SyntheticIngest} for generated markets. Each is an action:
 * fluent configuration, {@code execute()} returns an immutable result. IngestAction plans one
 * task per file; {@code ParseFiles}, the executor-side function, streams each file (a local path
 * in place, a Hadoop URI through a local copy) through the plain-Java readers and validators in
 * one pass. Writes are insert-only Delta MERGEs on each table's key: re-ingesting a file adds
 * nothing.
 */
package dev.massbt.datasets.ingest;
