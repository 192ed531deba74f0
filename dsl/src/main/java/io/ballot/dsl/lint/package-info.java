/**
 * Warnings about models that are valid but probably not what their author meant, found on the lowered IR: a loop
 * over a scalarset whose effect depends on the iteration order, which symmetry reduction assumes it does not.
 */
package io.ballot.dsl.lint;
