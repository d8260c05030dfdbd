/**
 * Row validation: {@link dev.massbt.datasets.validate.TradeValidator} and
 * {@link dev.massbt.datasets.validate.BarValidator} decide, {@link dev.massbt.datasets.validate.Quarantine}
 * keeps every rejected row with its {@link dev.massbt.datasets.validate.Reason}, and
 * {@link dev.massbt.datasets.validate.IngestReport} reconciles read = accepted + rejected and
 * lists {@link dev.massbt.datasets.validate.Observation}s (zero-range bars, gaps, identical trades)
 * that are reported but not rejected.
 */
package dev.massbt.datasets.validate;
