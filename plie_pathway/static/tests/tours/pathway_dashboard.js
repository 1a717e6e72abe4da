import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("plie_pathway_dashboard", {
    steps: () => [
        {
            content: "The pathway dashboard draws its charts",
            trigger: ".o_action canvas",
        },
        {
            content: "without any error",
            trigger: "body:not(:has(.o_error_dialog))",
        },
    ],
});
