package dev.keapgw.client.opportunities;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The stage an opportunity is in, with the stage's details.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OpportunityStage(
    String id, String name, StageDetails details, List<String> reasons) {}
