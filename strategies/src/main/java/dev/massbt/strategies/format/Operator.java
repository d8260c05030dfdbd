package dev.massbt.strategies.format;

/** How the conditions of a rule group combine. */
public enum Operator {
    AND, OR
}
