/**
 * A choice attribute named `checkworthy_<question>` is a CheckThat!-style sub-question. Its own
 * module so the schema editor (browser code) can use it without pulling in the export writers.
 */
export const SUBQUESTION_PREFIX = "checkworthy_";
