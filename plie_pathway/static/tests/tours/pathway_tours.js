import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

const openPlieMenu = (section, entry) => [
    stepUtils.showAppsMenuItem(),
    {
        content: "Open the PLIE app",
        trigger: ".o_app[data-menu-xmlid='plie_base.menu_plie_root']",
        run: "click",
    },
    {
        content: `Open the ${section} menu`,
        trigger: `.o_menu_sections [data-menu-xmlid='${section}']`,
        run: "click",
    },
    {
        content: `Open ${entry}`,
        trigger: `.o_menu_sections [data-menu-xmlid='${entry}'], .dropdown-menu [data-menu-xmlid='${entry}']`,
        run: "click",
    },
];

registry.category("web_tour.tours").add("plie_pathway_referent_records_interview", {
    url: "/odoo",
    steps: () => [
        ...openPlieMenu("plie_pathway.menu_plie_pathways", "plie_pathway.menu_plie_my_pathways"),
        {
            content: "Open the pathway of the participant",
            trigger: ".o_data_row .o_data_cell:contains('Tourville')",
            run: "click",
        },
        {
            content: "Go to the interviews",
            trigger: ".o_notebook .nav-link[name='interviews']",
            run: "click",
        },
        {
            content: "Record an interview",
            trigger: ".o_field_widget[name='interview_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Choose a phone call",
            trigger: ".modal .o_field_widget[name='kind'] select",
            run: "select \"phone\"",
        },
        {
            content: "Write the summary",
            trigger: ".modal .o_field_widget[name='summary'] .odoo-editor-editable",
            run: "editor Point sur la recherche d'emploi",
        },
        {
            content: "Save the interview",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The interview is listed",
            trigger: ".o_field_widget[name='interview_ids'] .o_data_row",
        },
        {
            content: "Save the pathway",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_saved",
        },
    ],
});

registry.category("web_tour.tours").add("plie_pathway_referent_suspends_pathway", {
    url: "/odoo",
    steps: () => [
        ...openPlieMenu("plie_pathway.menu_plie_pathways", "plie_pathway.menu_plie_my_pathways"),
        {
            content: "Open the pathway of the participant",
            trigger: ".o_data_row .o_data_cell:contains('Tourville')",
            run: "click",
        },
        {
            content: "Suspend the pathway",
            trigger: ".o_form_statusbar button[name='action_suspend']",
            run: "click",
        },
        {
            content: "Choose the reason",
            trigger: ".modal .o_field_widget[name='reason'] select",
            run: "select \"illness\"",
        },
        {
            content: "Confirm the suspension",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The pathway can be resumed",
            trigger: ".o_form_statusbar button[name='action_resume']",
        },
        {
            content: "Its suspension is listed",
            trigger: ".o_notebook .nav-link[name='suspensions']",
            run: "click",
        },
        {
            content: "The running suspension is there",
            trigger: ".o_field_widget[name='suspension_ids'] .o_data_row",
        },
    ],
});

registry.category("web_tour.tours").add("plie_pathway_coordinator_closes_committee", {
    url: "/odoo",
    steps: () => [
        ...openPlieMenu(
            "plie_pathway.menu_plie_committee",
            "plie_pathway.menu_plie_committee_sessions"
        ),
        {
            content: "Open the planned session",
            trigger: ".o_data_row .o_data_cell:contains('Session du tour')",
            run: "click",
        },
        {
            content: "Open the entry on the agenda",
            trigger: ".o_field_widget[name='item_ids'] .o_data_row .o_data_cell:contains('Tourmaline')",
            run: "click",
        },
        {
            content: "Admit the person",
            trigger: ".modal .o_field_widget[name='decision'] input[data-value='accepted']",
            run: "click",
        },
        {
            content: "Give the reason",
            trigger: ".modal .o_field_widget[name='decision_note'] textarea",
            run: "edit Éligible, projet cohérent",
        },
        {
            content: "Save the decision",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The decision shows on the agenda",
            trigger: ".o_field_widget[name='item_ids'] .o_data_row:contains('Éligible, projet cohérent')",
        },
        {
            content: "Close the session",
            trigger: "button[name='action_close']",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The session is closed",
            trigger: ".o_statusbar_status button.o_arrow_button_current[data-value='closed']",
        },
    ],
});
