/** Element ids the what's on page's parts point at each other with. */

/** The results' count line ("40 shows · showing 25–48"): where a page of results starts, and the focus goes. */
export const RESULTS_COUNT_ID = "results-count";

/** The results column (list, calendar or empty state): where a phone lands after "Show results". */
export const RESULTS_ID = "results";
