import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("plie_esf_finance_checks_expense", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the PLIE app",
            trigger: ".o_app[data-menu-xmlid='plie_base.menu_plie_root']",
            run: "click",
        },
        {
            content: "Open the ESF menu",
            trigger: ".o_menu_sections [data-menu-xmlid='plie_esf.menu_plie_esf']",
            run: "click",
        },
        {
            content: "Open the operations",
            trigger: ".dropdown-item[data-menu-xmlid='plie_esf.menu_plie_esf_operation']",
            run: "click",
        },
        {
            content: "Open the tour operation",
            trigger: ".o_data_row td[name='name']:contains('Opération de la visite')",
            run: "click",
        },
        {
            content: "Open its expenses",
            trigger: "button[name='action_open_expenses']",
            run: "click",
        },
        {
            content: "Mark the bill eligible",
            trigger: ".o_data_row:contains('FA-TOUR') button[name='action_mark_eligible']",
            run: "click",
        },
        {
            content: "The expense is eligible: its button is gone",
            trigger: ".o_data_row:contains('FA-TOUR'):not(:has(button[name='action_mark_eligible']))",
        },
        {
            content: "Back to the operation",
            trigger: ".o_breadcrumb .breadcrumb-item a:contains('Opération de la visite')",
            run: "click",
        },
        {
            content: "Open the actions menu",
            trigger: ".o_cp_action_menus button:has(.fa-cog)",
            run: "click",
        },
        {
            content: "Open the print menu",
            trigger: ".o-dropdown--menu button:has(.fa-print)",
            run: "click",
        },
        {
            content: "Download the expense statement",
            trigger:
                ".o-dropdown--menu .o_menu_item:contains('Expense statement'), " +
                ".o-dropdown--menu .o_menu_item:contains('État récapitulatif des dépenses')",
            run: "click",
        },
        {
            content: "Still on the operation",
            trigger: ".o_form_view .o_field_widget[name='name']",
        },
    ],
});
