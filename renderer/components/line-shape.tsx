import { Curve, type CurveProps, type LineDrawShapeProps } from 'recharts';

/**
 * The path of a recharts <Line>, drawn like its default shape but without handing recharts the
 * element: recharts measures every line's length on every render (getTotalLength) to animate it,
 * which forces a layout of the whole page each time — 30-150 ms a render on a slow machine. Our
 * lines never animate, so nothing needs the length.
 */
export function lineShapeStill(props: LineDrawShapeProps) {
  const rest: Partial<LineDrawShapeProps> = { ...props };
  for (const k of ['pathRef', 'animationElapsedTime', 'isAnimating', 'isEntrance', 'visibleLength'])
    delete rest[k as keyof LineDrawShapeProps];
  return <Curve {...(rest as CurveProps)} />;
}
