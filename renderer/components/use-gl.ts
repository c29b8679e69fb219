import { useLayoutEffect, useRef, useState } from 'react';
import type * as THREE from 'three';
import { glQualityKnown, glRendererEarly } from './gl-quality';

/**
 * The canvas and its renderer: on software GL (or before WebGL is known) the renderer is made on
 * the view's canvas as it mounts, without multisampling (glRendererEarly); if that turns out to
 * run on a GPU, the canvas is made again and R3F draws it with multisampling and up to two pixels
 * per CSS pixel.
 */
export function useGl() {
  const [gl, setGl] = useState<{ gpu: boolean; renderer: THREE.WebGLRenderer | null }>(() => ({
    gpu: glQualityKnown()?.software === false,
    renderer: null,
  }));
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (gl.gpu || !canvas) return;
    const { quality, renderer } = glRendererEarly(canvas);
    setGl({ gpu: !quality.software, renderer });
    // R3F releases a renderer it was given (its lists and context); its caches go here.
    return () => renderer?.dispose();
  }, [gl.gpu]);
  return gl.gpu
    ? {
        canvasRef,
        props: { preserveDrawingBuffer: true, antialias: true },
        dpr: [1, 2] as [number, number],
        key: 'gpu',
      }
    : {
        canvasRef,
        props: gl.renderer ?? { preserveDrawingBuffer: true, antialias: false },
        dpr: 1,
        key: 'software',
      };
}
