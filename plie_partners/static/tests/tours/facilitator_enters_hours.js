import { formatDate } from "@web/core/l10n/dates";
import { registry } from "@web/core/registry";

const { DateTime } = luxon;

registry.category("web_tour.tours").add("plie_partners_facilitator_enters_hours", {
    steps: () => [
        {
            content: "Open the contract",
            trigger: ".o_data_row td:contains('M2025-01')",
            run: "click",
        },
        {
            content: "Nothing realised yet",
            trigger: ".o_field_widget[name='progress_rate']",
        },
        {
            content: "Open the contract's hours",
            trigger: "button[name='action_open_hours']",
            run: "click",
        },
        {
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Choose the placement",
            trigger: ".o_data_row.o_selected_row .o_field_widget[name='placement_id'] input",
            run: "edit Tour",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('Lina')",
            run: "click",
        },
        {
            content: "Month of March",
            trigger: ".o_data_row.o_selected_row .o_field_widget[name='month'] input",
            run(actions) {
                // 1 March 2025 in the user's date format, whatever the language.
                actions.edit(formatDate(DateTime.fromISO("2025-03-01")));
            },
        },
        {
            content: "Hours worked",
            trigger: ".o_data_row.o_selected_row .o_field_widget[name='hours'] input",
            run: "edit 120",
        },
        {
            trigger: ".o_list_button_save",
            run: "click",
        },
        {
            content: "Saved, validated at once",
            trigger: ".o_data_row:not(.o_selected_row) td[name='state'] .text-bg-success",
        },
        {
            content: "Back to the contract",
            trigger: ".breadcrumb-item a:contains('M2025-01')",
            run: "click",
        },
        {
            content: "The progress counts the month",
            trigger: ".o_field_widget[name='realised_hours']:contains('120')",
        },
        {
            content: "Open the breakdown",
            trigger: "a.nav-link[name='breakdown']",
            run: "click",
        },
        {
            trigger: ".o_plie_clause_breakdown tbody tr:first-child td:contains('120')",
        },
    ],
});
