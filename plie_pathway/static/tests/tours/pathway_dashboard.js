import { registry } from "@web/core/registry";

// The names are those of the user's language (English or French).
const ACTIVE = [
    ".o_search_panel_category_value.active:contains(Pathways)",
    ".o_search_panel_category_value.active:contains(Parcours)",
];

registry.category("web_tour.tours").add("plie_pathway_dashboard", {
    steps: () => [
        {
            content: "PLIE > Dashboard shows the pathway dashboard",
            trigger: ACTIVE.join(", "),
        },
        {
            content: "with its period filter",
            trigger: [
                ".o_spreadsheet_dashboard_action .o-filter-value[title='Period']",
                ".o_spreadsheet_dashboard_action .o-filter-value[title='Période']",
            ].join(", "),
        },
        {
            content: "and its charts drawn",
            trigger: ".o_spreadsheet_dashboard_action canvas",
        },
        {
            content: "without any error",
            trigger: "body:not(:has(.o_error_dialog))",
        },
    ],
});
