/**
 * A chart as the browser gets it: a canvas carrying its chart.js configuration as JSON in a
 * data attribute (escaped like any attribute, so no inline script is needed), and the same
 * figures as a table for screen readers and for anyone who wants the numbers.
 */
import type { ChartConfig } from "../../src/charts/chart-config";

export function Chart(props: {
  id: string;
  config: ChartConfig;
  label: string;
  tableCaption: string;
  height?: number;
}) {
  const { config } = props;
  return (
    <figure class="chart">
      <figcaption>{props.label}</figcaption>
      <div class="chart-box" style={undefined}>
        <canvas
          id={props.id}
          data-chart={JSON.stringify(config)}
          role="img"
          aria-label={props.label}
          height={props.height ?? 280}
        />
      </div>
      <details>
        <summary>{props.tableCaption}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col" />
              {config.data.datasets.map((d) => (
                <th scope="col">{d.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {config.data.labels.map((label, i) => (
              <tr>
                <th scope="row">{label}</th>
                {config.data.datasets.map((d) => (
                  <td>{d.data[i] ?? ""}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
