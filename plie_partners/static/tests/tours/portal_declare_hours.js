import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("plie_partners_portal_declare_hours", {
    steps: () => [
        {
            content: "The page is named in the portal breadcrumb",
            trigger: ".o_portal_submenu .breadcrumb-item.active",
        },
        {
            content: "Only the placements of the company's own lots are listed",
            trigger: "td:contains('Ouvrier')",
        },
        {
            trigger: "body:not(:has(td:contains('Voisine Propre')))",
        },
        {
            content: "Enter the month's hours",
            trigger: "input[name^='hours_']",
            run: "edit 120",
        },
        {
            content: "Declare them",
            trigger: "button[type='submit'].btn-primary",
            run: "click",
        },
        {
            content: "They wait for the facilitator",
            trigger: ".alert-success",
        },
        {
            trigger: ".badge.text-bg-warning",
        },
    ],
});
