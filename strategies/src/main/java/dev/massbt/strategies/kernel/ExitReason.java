package dev.massbt.strategies.kernel;

/** Why a trade ended. */
public enum ExitReason {
    /** The exit rule group fired on a bar close; filled at the next bar's open. */
    SIGNAL,
    /** Stop-loss touched intrabar; filled at the stop price, or at the open when the bar gapped through it. */
    STOP_LOSS,
    /** Take-profit touched intrabar; filled at its price, or at the open when the bar gapped through it. */
    TAKE_PROFIT,
    /** Held for max_bars bars; filled at the next bar's open. */
    MAX_BARS,
    /** Still open at the segment's last bar; closed at its close. */
    END_OF_DATA,
    /** A short's loss reached the whole equity; closed at that bar's close and trading stops. */
    RUINED
}
