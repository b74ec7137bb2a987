/** The id of the bulk-assign form; document checkboxes in the table point at it with form="…". */
export const BULK_FORM_ID = "bulk-assign";
