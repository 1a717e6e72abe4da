import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("plie_prescriber_portal_send", {
    steps: () => [
        {
            content: "Open the form to send a person",
            trigger: "a.o_plie_new_prescription",
            run: "click",
        },
        {
            trigger: "input[name='lastname']",
            run: "edit Tourmaline",
        },
        {
            trigger: "input[name='firstname']",
            run: "edit Rose",
        },
        {
            trigger: "input[name='zip']",
            run: "edit 97200",
        },
        {
            trigger: "input[name='city']",
            run: "edit Fort-de-France",
        },
        {
            trigger: "textarea[name='reason']",
            run: "edit Inscrite depuis deux ans",
        },
        {
            content: "Attach the evidence of registration",
            trigger: "input[name='documents']",
            run() {
                const transfer = new DataTransfer();
                transfer.items.add(
                    new File(["attestation"], "attestation.txt", { type: "text/plain" })
                );
                this.anchor.files = transfer.files;
            },
        },
        {
            content: "Confirm the person's consent",
            trigger: "input[name='consent']",
            run: "check",
        },
        {
            trigger: ".o_plie_prescription_form button[type='submit']",
            run: "click",
        },
        {
            content: "The prescription is received",
            trigger: ".alert-success",
        },
        {
            trigger: "td:contains('Tourmaline')",
        },
    ],
});

registry.category("web_tour.tours").add("plie_prescriber_portal_decision", {
    steps: () => [
        {
            content: "Open the person sent",
            trigger: "td a[href^='/my/prescriptions/']",
            run: "click",
        },
        {
            content: "The committee's decision is shown",
            trigger: ".o_plie_portal_decision:not(:empty)",
        },
        {
            trigger: "a.o_plie_decision_letter",
        },
    ],
});
