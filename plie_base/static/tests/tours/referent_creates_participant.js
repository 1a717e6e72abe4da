import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("plie_base_referent_creates_participant", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the PLIE app",
            trigger: ".o_app[data-menu-xmlid='plie_base.menu_plie_root']",
            run: "click",
        },
        {
            content: "Open the participants menu",
            trigger: ".o_menu_sections [data-menu-xmlid='plie_base.menu_plie_participants']",
            run: "click",
        },
        {
            content: "Open my caseload",
            trigger: ".dropdown-item[data-menu-xmlid='plie_base.menu_plie_my_caseload']",
            run: "click",
        },
        {
            content: "The caseload is shown as cards by référent",
            trigger: ".o_kanban_view .o_kanban_renderer",
        },
        {
            content: "Create a participant",
            trigger: ".o_control_panel_main_buttons .o-kanban-button-new, .o_control_panel_main_buttons .o_list_button_add",
            run: "click",
        },
        {
            content: "Last name",
            trigger: ".o_field_widget[name='lastname'] input",
            run: "edit Tourville",
        },
        {
            content: "First name",
            trigger: ".o_field_widget[name='firstname'] input",
            run: "edit Jeanne",
        },
        {
            content: "Postcode",
            trigger: ".o_field_widget[name='zip'] input",
            run: "edit 97200",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_saved",
        },
        {
            content: "Back to the caseload",
            trigger: ".o_breadcrumb .o_back_button a, .o_breadcrumb li.breadcrumb-item a",
            run: "click",
        },
        {
            content: "The new participant is in my caseload",
            trigger: ".o_kanban_record:contains('Jeanne Tourville')",
        },
    ],
});
