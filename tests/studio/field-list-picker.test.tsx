// @vitest-environment happy-dom
/**
 * The sync settings' list pickers (exclusion flags, access attributes): chosen names as tags with an example
 * value, a saved name Spektrix no longer sends kept with a note, picking and typing by keyboard, removing with
 * focus kept in the field, and each entry's problem shown at the field by name.
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { SpektrixFieldListPicker, type FieldCatalogueState } from "@/components/studio/spektrix-field-picker-client";
import type { FieldErrors } from "@/lib/studio/forms";

const fields: FieldCatalogueState = {
  status: "ready",
  catalogue: {
    event: [],
    performance: [
      { name: "startUtc", example: "2030-01-01T19:30:00Z" },
      { name: "attribute_SLCaptioned", example: "true" },
      { name: "attribute_SLSigned", example: "false" },
      { name: "attribute_SLFreeText", example: "Captioned performance" },
    ],
  },
};

function Harness(props: { initial: string[]; errors?: FieldErrors; fields?: FieldCatalogueState }) {
  const [values, setValues] = useState(props.initial);
  return (
    <>
      <SpektrixFieldListPicker
        label="Captioned"
        scope="performance-attribute"
        values={values}
        onAdd={(name) => setValues((v) => [...v, name])}
        onRemove={(i) => setValues((v) => v.filter((_, j) => j !== i))}
        fields={props.fields ?? fields}
        saved={props.initial}
        errors={props.errors ?? {}}
        path="performances.access.captioned"
        noneChosen="None chosen."
      />
      <output data-testid="value">{values.join(",")}</output>
    </>
  );
}

const value = () => screen.getByTestId("value").textContent;
const chosen = () => within(screen.getByRole("list", { name: "Captioned: chosen" }));

describe("a list of Spektrix attributes", () => {
  it("shows each chosen name with its example, and a saved one Spektrix no longer sends with a note", () => {
    render(<Harness initial={["SLCaptioned", "OpenCaptions"]} />);
    const tags = chosen().getAllByRole("listitem");
    expect(tags.map((t) => t.getAttribute("data-chosen"))).toEqual(["SLCaptioned", "OpenCaptions"]);
    expect(tags[0]).toHaveTextContent("e.g. true");
    expect(tags[1]).toHaveTextContent("not in Spektrix's data now");
    expect(screen.getByText(/finds nothing until Spektrix sends it/)).toBeInTheDocument();
    expect(chosen().getByRole("button", { name: "Remove OpenCaptions from Captioned" })).toBeInTheDocument();
  });

  it("offers only the attributes not chosen yet, and adds one picked by keyboard", async () => {
    render(<Harness initial={["SLCaptioned"]} />);
    const box = screen.getByRole("combobox", { name: "Captioned" });
    act(() => box.focus());
    fireEvent.change(box, { target: { value: "sl" } });
    const options = await screen.findAllByRole("option");
    expect(options.map((o) => o.textContent)).toEqual(["SLFreeTexte.g. Captioned performance", "SLSignede.g. false"]);
    fireEvent.keyDown(box, { key: "ArrowDown" });
    fireEvent.keyDown(box, { key: "ArrowDown" });
    fireEvent.keyDown(box, { key: "Enter" });
    expect(value()).toBe("SLCaptioned,SLSigned");
    expect(box).toHaveValue("");
    // The list closes, so the new tag is seen (an open list hides the page from screen readers).
    await waitFor(() => expect(screen.queryByRole("listbox")).toBeNull());
  });

  it("adds a name typed by hand with Enter, once", () => {
    render(<Harness initial={["SLCaptioned"]} />);
    const box = screen.getByRole("combobox", { name: "Captioned" });
    act(() => box.focus());
    fireEvent.change(box, { target: { value: " OpenCaptions " } });
    fireEvent.keyDown(box, { key: "Enter" });
    expect(value()).toBe("SLCaptioned,OpenCaptions");
    expect(box).toHaveValue("");
    fireEvent.change(box, { target: { value: "SLCaptioned" } });
    fireEvent.keyDown(box, { key: "Enter" });
    expect(value()).toBe("SLCaptioned,OpenCaptions");
  });

  it("removes a name and moves focus to the next tag, then back to the field after the last", () => {
    render(<Harness initial={["SLCaptioned", "SLSigned"]} />);
    fireEvent.click(chosen().getByRole("button", { name: "Remove SLCaptioned from Captioned" }));
    expect(value()).toBe("SLSigned");
    expect(document.activeElement).toBe(chosen().getByRole("button", { name: "Remove SLSigned from Captioned" }));
    fireEvent.click(chosen().getByRole("button", { name: "Remove SLSigned from Captioned" }));
    expect(value()).toBe("");
    expect(screen.getByText("None chosen.")).toBeInTheDocument();
    expect(document.activeElement).toBe(screen.getByRole("combobox", { name: "Captioned" }));
  });

  it("shows each entry's problem at the field, by name", () => {
    render(
      <Harness
        initial={["SLCaptioned", "not ok!"]}
        errors={{ "performances.access.captioned.1": ["must be a Spektrix attribute name"], "maps.0.source": ["x"] }}
      />,
    );
    const box = screen.getByRole("combobox", { name: "Captioned" });
    expect(box).toHaveAttribute("aria-invalid", "true");
    const error = document.querySelector('[data-field-error="performances.access.captioned"]');
    expect(error).toHaveTextContent("“not ok!” must be a Spektrix attribute name");
    expect(box.getAttribute("aria-describedby")).toContain(error!.id);
  });

  it("without the list (Spektrix unreachable) still shows the saved names, unmarked, and says why", () => {
    render(<Harness initial={["SLCaptioned"]} fields={{ status: "error", message: "It failed (502)." }} />);
    expect(chosen().getByRole("listitem")).toHaveTextContent(/^SLCaptioned\s*×?/);
    expect(chosen().getByRole("listitem")).not.toHaveTextContent("not in Spektrix");
    expect(screen.getAllByText(/Could not load the fields Spektrix sends: It failed \(502\)\./).length).toBeGreaterThan(
      0,
    );
  });
});
