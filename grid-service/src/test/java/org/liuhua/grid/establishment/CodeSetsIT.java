package org.liuhua.grid.establishment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.liuhua.grid.GridIT;
import org.liuhua.kit.test.TestHttp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** G-2: industries and risk flags come from managed code sets; a typo is a 400 naming the field, not a lost rule. */
class CodeSetsIT extends GridIT {

    @Test
    void aMisspelledIndustryOrFlagIsRefusedNamingTheField() {
        Place place = place(TOWN, "GENERAL");
        JsonNode sets = admin().get("/api/v1/establishments/code-sets").json();
        assertThat(sets.get("flags").get("METAL_SMELTING").asString()).isEqualTo("金属冶炼");
        assertThat(sets.get("industries").get("MACHINERY").asString()).isEqualTo("机械制造");

        String id = unique("est-jinfeng");
        Map<String, Object> body = new LinkedHashMap<>(establishment(id, place, "MAJOR"));
        body.put("industry", "MACHINARY");
        body.put("flags", List.of("METAL_SMELTING", "DUST_EXPLOSON"));
        TestHttp.Response typo = admin().post("/api/v1/establishments", body);
        assertThat(typo.status()).as(typo.toString()).isEqualTo(400);
        assertThat(typo.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("industry", "flags");
        assertThat(typo.body()).contains("DUST_EXPLOSON").doesNotContain("unknown risk flag METAL_SMELTING");
        assertThat(admin().get("/api/v1/establishments/" + id).status()).isEqualTo(404);
        JsonNode batch = admin().post("/api/v1/establishments/batch", List.of(body)).json();
        assertThat(batch.get(0).get("status").asString()).isEqualTo("REJECTED");

        body.put("industry", "MACHINERY");
        body.put("flags", List.of("METAL_SMELTING", "DUST_EXPLOSION"));
        assertThat(admin().post("/api/v1/establishments", body).status()).isEqualTo(201);
    }
}
