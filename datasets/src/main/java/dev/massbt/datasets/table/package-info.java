/**
 * The Delta tables of the ingest layer: {@link dev.massbt.datasets.table.Table} (names, Spark
 * schemas, partition and key columns of ticks, bars, quarantine and ingests), where they live
 * ({@link dev.massbt.datasets.table.Warehouse}: a local path or a file:, hdfs:, s3a: URI),
 * UTC partition values ({@link dev.massbt.datasets.table.PartitionValues}), session settings
 * ({@link dev.massbt.datasets.table.DeltaSessions}) and reading one symbol's bars back as
 * primitive columns, on the driver or inside executor tasks
 * ({@link dev.massbt.datasets.table.BarsLoader}).
 */
package dev.massbt.datasets.table;
