/**
 * Spark ingest of trade and bar files into the Delta tables:
 * {@link dev.massbt.datasets.ingest.IngestAction} (fluent configuration, {@code execute()}
 * returns an immutable {@link dev.massbt.datasets.ingest.IngestResult}) plans one task per file;
 * {@code ParseFiles}, the executor-side function, streams each file through the plain-Java
 * readers and validators in one pass. Writes are insert-only Delta MERGEs on each table's key:
 * re-ingesting a file adds nothing.
 */
package dev.massbt.datasets.ingest;
